// The Node entry's own HTTP: keepAliveFetch, and the default of a client given no fetch.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { apiBase, clean, client, emulator, fault, hmsError, newRoom, pkg, requests, token } from "./support.mjs";

beforeEach(clean);

const auth = { authorization: `Bearer ${token}` };

test("a client given no fetch sends over node:http keep-alive, never through the global fetch", async (t) => {
  const room = await newRoom();
  const mocked = t.mock.method(globalThis, "fetch", () => assert.fail("the global fetch was called"));
  const c = client();
  const code = await c.createForRole(room, "guest");
  assert.equal((await c.listPage(room)).data[0].code, code.code);
  assert.equal((await hmsError(c.createForRole("no-such-room", "guest"))).kind, "room_not_found");
  mocked.mock.restore();
  assert.equal(code.role, "guest");
  const [sent] = await requests("POST", `/v2/room-codes/room/${room}/role/guest`);
  assert.match(sent.headers["user-agent"], /^hms-room-codes\//);
  assert.equal(sent.headers.connection ?? "keep-alive", "keep-alive");
});

test("keepAliveFetch answers a Response with the status, headers and body", async () => {
  const fetch = pkg.keepAliveFetch();
  const room = await newRoom();
  const created = await fetch(`${apiBase}/room-codes/room/${room}/role/host`, { method: "POST", headers: auth });
  assert.ok(created instanceof Response);
  assert.equal(created.status, 200);
  assert.match(created.headers.get("content-type"), /application\/json/);
  assert.equal((await created.json()).role, "host");
  const missing = await fetch(`${apiBase}/room-codes/room/no-such-room`, { headers: auth });
  assert.equal(missing.status, 404);
  assert.equal((await missing.json()).message, "room not found");
});

test("keepAliveFetch follows no redirect", async () => {
  await fault({ path: "/v2/rooms", action: "redirect", location: `${emulator}/elsewhere` });
  const answer = await pkg.keepAliveFetch()(`${apiBase}/rooms`, { method: "POST", headers: auth, body: "{}" });
  assert.equal(answer.status, 307);
  assert.equal(answer.headers.get("location"), `${emulator}/elsewhere`);
});

test("keepAliveFetch refuses a body over maxResponseBytes; the client calls it decode", async () => {
  const room = await newRoom();
  const fetch = pkg.keepAliveFetch({ maxResponseBytes: 100 });
  const error = await fetch(`${apiBase}/room-codes/room/${room}`, { method: "POST", headers: auth }).then(
    () => assert.fail("resolved"),
    (e) => e,
  );
  assert.equal(error.name, "TypeError");
  assert.equal(error.cause.code, "HMS_BODY_TOO_LARGE");
  assert.equal((await hmsError(client({ fetch }).create(room))).kind, "decode");
});

test("keepAliveFetch rejects like fetch: a refused connection, an aborted signal", async () => {
  const refused = await pkg.keepAliveFetch()("http://127.0.0.1:1/v2/rooms").then(() => assert.fail("resolved"), (e) => e);
  assert.equal(refused.name, "TypeError");
  assert.equal(refused.cause.code, "ECONNREFUSED");
  await fault({ path: "/v2/rooms", delay_ms: 2000 });
  const reason = new Error("stop");
  const signal = AbortSignal.abort(reason);
  await assert.rejects(pkg.keepAliveFetch()(`${apiBase}/rooms`, { method: "POST", signal }), (e) => e === reason);
});
