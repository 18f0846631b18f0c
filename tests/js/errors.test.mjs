// Every error kind reachable through the package, and the shape of HmsError.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { beforeEach, test } from "node:test";
import { apiBase, clean, client, control, emulator, fault, hmsError, newRoom, pkg, root } from "./support.mjs";

beforeEach(clean);

test("HmsError is a real Error with kind, status, details and retryAfterMs", async () => {
  const error = await hmsError(client().create("no-such-room"));
  assert.ok(error instanceof Error);
  assert.ok(error instanceof pkg.HmsError);
  assert.equal(error.name, "HmsError");
  assert.equal(error.kind, "room_not_found");
  assert.equal(error.status, 404);
  assert.deepEqual(error.details, []);
  assert.equal(error.retryAfterMs, undefined);
  assert.match(error.stack, /HmsError: create: room not found/);
  assert.equal(pkg.isHmsError(new Error("x")), false);
  assert.equal(pkg.isHmsError({ name: "HmsError", kind: "server" }), false);
  const own = new pkg.HmsError("timeout", "made by hand", { status: 504 });
  assert.ok(pkg.isHmsError(own) && own.kind === "timeout" && own.status === 504);
});

test("every kind the service can cause", async () => {
  const room = await newRoom();
  const c = client();
  const [code] = await c.create(room);
  const disabled = await newRoom();
  await control("POST", `/v2/rooms/${disabled}`, { enabled: false });
  const codePath = "/v2/room-codes/code";
  const cases = [
    ["unauthorized", () => client({ managementToken: "wrong" }).create(room)],
    ["room_disabled", () => c.createForRole(disabled, "host")],
    ["room_not_found", () => c.listPage("no-such-room")],
    ["role_not_found", () => c.createForRole(room, "no-such-role")],
    ["code_not_found", () => c.setEnabled("no-such-code", false)],
    ["code_not_found", () => c.authTokenForCode("no-such-code")],
    ["bad_request", () => c.listPage(room, { limit: 1000 })],
    ["forbidden", async () => (await fault({ path: codePath, status: 403, body: "" }), c.setEnabled(code.code, true))],
    ["not_found", async () => (await fault({ path: codePath, status: 404, body: "<html/>", content_type: "text/html" }), c.setEnabled(code.code, true))],
    ["rate_limited", async () => (await fault({ path: codePath, status: 429, count: 3 }), c.setEnabled(code.code, true))],
    ["server", async () => (await fault({ path: codePath, status: 503, count: 3 }), c.setEnabled(code.code, true))],
    ["unexpected_status", async () => (await fault({ path: codePath, action: "redirect", location: "http://127.0.0.2:1/x" }), c.setEnabled(code.code, true))],
    ["decode", async () => (await fault({ path: codePath, action: "not_json" }), c.setEnabled(code.code, true))],
    ["network", () => client({ baseUrl: "http://127.0.0.1:9/v2", maxRetries: 0 }).create(room)],
    ["timeout", async () => (await fault({ path: codePath, delay_ms: 800 }), client({ maxRetries: 0 }).setEnabled(code.code, true, { timeoutMs: 100 }))],
    ["invalid_argument", () => c.create("")],
  ];
  for (const [kind, call] of cases) {
    const error = await hmsError(call()).catch((e) => assert.fail(`${kind}: ${e.message}`));
    assert.equal(error.kind, kind, `${kind}: ${error.message}`);
    await clean();
  }
});

test("a base URL without /v2 is no missing room: not_found with a hint; network errors name host:port", async () => {
  const room = await newRoom();
  const unrouted = await hmsError(client({ baseUrl: emulator }).create(room));
  assert.equal(unrouted.kind, "not_found", unrouted.message);
  assert.match(unrouted.message, /base URL/);
  const refused = await hmsError(client({ baseUrl: "http://127.0.0.1:9/v2", maxRetries: 0 }).create(room));
  assert.equal(refused.kind, "network");
  assert.match(refused.message, /127\.0\.0\.1:9/);
});

test("the service's details and Retry-After reach the error", async () => {
  const room = await newRoom();
  const bad = await hmsError(client().listPage(room, { limit: 1000 }));
  assert.equal(bad.status, 400);
  assert.ok(bad.details.length > 0);
  await fault({ path: `/v2/room-codes/room/${room}`, status: 429, retry_after: "60" });
  const limited = await hmsError(client().listPage(room));
  assert.equal(limited.kind, "rate_limited");
  assert.equal(limited.retryAfterMs, 60000);
});

test("messages never show credentials", async () => {
  const secret = "very-secret-token-value";
  const errors = [
    await hmsError(client({ managementToken: secret }).create(await newRoom())),
    await hmsError(Promise.resolve().then(() => new pkg.RoomCodesClient({ managementToken: secret, accessKey: "k" }))),
    await hmsError(Promise.resolve().then(() => new pkg.RoomCodesClient({ accessKey: "k", appSecret: `${secret}\n` , baseUrl: apiBase }))),
  ];
  for (const error of errors) {
    assert.ok(!JSON.stringify({ ...error, message: error.message }).includes(secret), error.message);
  }
});

test("the d.ts union of kinds is the C header's hms_status enum", () => {
  const header = fs.readFileSync(path.join(root, "bindings/c/include/hms_room_codes.h"), "utf8");
  const fromEnum = [...header.matchAll(/^\s*HMS_STATUS_(\w+) = (\d+),/gm)]
    .filter(([, , value]) => value !== "0")
    .map(([, name]) => name.toLowerCase());
  assert.equal(fromEnum.length, 16);
  const types = fs.readFileSync(path.join(root, "target/npm/hms-room-codes/index.d.ts"), "utf8");
  const union = types.match(/export type HmsErrorKind =([^;]*);/)[1];
  assert.deepEqual([...union.matchAll(/"(\w+)"/g)].map(([, name]) => name), fromEnum);
});
