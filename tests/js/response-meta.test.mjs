// client.withResponse(): each promise method resolves to { data, response }, the
// response's status, request id, attempts and time, as the core recorded them.
import assert from "node:assert/strict";
import { test } from "node:test";
import { clean, client, fault, hmsError, newRoom } from "./support.mjs";

test("a success after a retry tells its status, request id and 2 attempts", async () => {
  await clean();
  const room = await newRoom();
  const c = client({ maxRetries: 2 });
  const withResponse = c.withResponse();
  await fault({ method: "POST", path: `/v2/room-codes/room/${room}/role/guest`, match: "exact", status: 429, retry_after: "0" });
  const { data: code, response } = await withResponse.createForRole(room, "guest");
  assert.equal(code.role, "guest");
  assert.equal(response.status, 200);
  assert.equal(response.attempts, 2);
  assert.match(response.requestId, /^emu-\d+$/);
  assert.ok(Number.isInteger(response.elapsedMs) && response.elapsedMs >= 0 && response.elapsedMs < 10_000, response.elapsedMs);
  assert.deepEqual(Object.keys(response), ["status", "requestId", "attempts", "elapsedMs"]);

  // Every promise method: the same results as the plain client, wrapped.
  const created = await withResponse.create(room);
  assert.equal(created.data.length, 3);
  const page = await withResponse.listPage(room, { limit: 2 });
  assert.equal(page.data.data.length, 2);
  assert.deepEqual([page.response.status, page.response.attempts], [200, 1]);
  assert.notEqual(page.response.requestId, response.requestId);
  const disabled = await withResponse.setEnabled(code.code, false, { maxRetries: 0 });
  assert.equal(disabled.data.enabled, false);
  const enabled = await withResponse.setEnabled(code.code, true);
  const token = await withResponse.authTokenForCode(enabled.data.code, { userId: "u" });
  assert.equal(typeof token.data.token, "string");
  assert.equal(token.response.status, 200);

  // Errors reject as before, with their own request id; the plain client is unchanged.
  const error = await hmsError(withResponse.createForRole(room, "no-such-role"));
  assert.equal(error.kind, "role_not_found");
  assert.match(error.requestId, /^emu-\d+$/);
  assert.equal((await c.createForRole(room, "guest")).role, "guest");
});

test("withResponse on a freed client throws; a view made before is closed with it, and freeing a view leaves the client", async () => {
  await clean();
  const room = await newRoom();
  const c = client();
  const withResponse = c.withResponse();
  const { data, response } = await withResponse.create(room);
  assert.equal(data.length, 3);
  assert.equal(response.status, 200);
  withResponse.free();
  assert.equal((await c.create(room)).length, 3, "freeing a view leaves its client usable");
  const another = c.withResponse();
  c.free();
  assert.throws(() => c.withResponse(), { name: "HmsError", kind: "invalid_argument" });
  await assert.rejects(another.create(room), { name: "HmsError", kind: "invalid_argument" });
});
