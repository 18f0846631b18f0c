// The "Testing your code" example of the npm README, as a user writes it: the package and
// its hms-room-codes/testing entry (here from the assembled package), one emulator per test.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { pkg, root } from "./support.mjs";

const { RoomCodesClient, isHmsError } = pkg;
const { startEmulator } = await import(pathToFileURL(path.join(root, "target/npm/hms-room-codes/testing.mjs")));

test("rooms, templates and codes", async (t) => {
  const emu = await startEmulator();
  t.after(() => emu.stop());
  const client = new RoomCodesClient(emu.clientOptions());
  await emu.defineTemplate("webinar", ["speaker", "audience"]);
  const room = await emu.createRoom({ templateId: "webinar" });
  const codes = await client.create(room);
  assert.deepEqual(codes.map((c) => c.role), ["speaker", "audience"]);
  const token = await client.authTokenForCode(codes[0].code, { userId: "user-1" });
  assert.equal(token.token.split(".").length, 3);
});

test("a 429 with Retry-After is waited for, then retried", async (t) => {
  const emu = await startEmulator();
  t.after(() => emu.stop());
  const client = new RoomCodesClient(emu.clientOptions());
  const room = await emu.createRoom();
  await emu.injectFault({ path: "/v2/room-codes/room/", status: 429, retryAfter: "1" });
  const started = Date.now();
  await client.createForRole(room, "guest");
  assert.ok(Date.now() - started >= 900, "Retry-After: 1 was obeyed");
  assert.equal((await emu.requests()).length, 2, "a 429 and a retry");
});

test("a 5xx, a delay and a reset", async (t) => {
  const emu = await startEmulator();
  t.after(() => emu.stop());
  const client = new RoomCodesClient(emu.clientOptions());
  const room = await emu.createRoom();
  await emu.injectFault({ path: "/v2/room-codes", status: 503, count: 3 });
  await assert.rejects(client.listPage(room), (e) => isHmsError(e) && e.kind === "server");
  await emu.injectFault({ path: "/v2/room-codes", delayMs: 1000, count: 3 }); // every attempt times out
  await assert.rejects(client.listPage(room, {}, { timeoutMs: 200 }), (e) => isHmsError(e) && e.kind === "timeout");
  await emu.injectFault({ method: "POST", path: "/v2/room-codes", action: "reset" });
  await assert.rejects(client.createForRole(room, "guest"), (e) => isHmsError(e) && e.kind === "network");
});

test("the request log", async (t) => {
  const emu = await startEmulator();
  t.after(() => emu.stop());
  const client = new RoomCodesClient(emu.clientOptions());
  const room = await emu.createRoom();
  await client.create(room);
  await emu.clearRequests();
  assert.deepEqual(await emu.requests(), []);
  await client.createForRole(room, "guest");
  const [request, ...rest] = await emu.requests();
  assert.deepEqual(rest, []);
  assert.equal(request.method, "POST");
  assert.equal(request.path, `/v2/room-codes/room/${room}/role/guest`);
  assert.match(request.headers.authorization, /^Bearer /);
});

test("a missing binary is a clear error, not a hang", async () => {
  await assert.rejects(startEmulator({ binary: "/nonexistent/hms-emulator" }), /HMS_EMULATOR/);
});
