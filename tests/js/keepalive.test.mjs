// The Node entry's own HTTP: keepAliveFetch, and the default of a client given no fetch.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeEach, test } from "node:test";
import { apiBase, clean, client, emulator, fault, hmsError, newRoom, pkg, requests, root, token } from "./support.mjs";

/** The module's glue, which names the core's code for a body over the cap. */
const glue = createRequire(import.meta.url)(path.join(root, "target/npm/hms-room-codes/hms_room_codes.cjs"));
const BODY_TOO_LARGE = glue.__bodyTooLargeCode();

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
  assert.equal(error.cause.code, BODY_TOO_LARGE);
  assert.equal((await hmsError(client({ fetch }).create(room))).kind, "decode");
});

test("the keep-alive fetch stops reading at the calling client's maxResponseBytes", async () => {
  const room = await newRoom();
  const keepAlive = pkg.keepAliveFetch();
  const refusals = [];
  const fetch = (...args) => keepAlive(...args).catch((error) => {
    refusals.push(error.cause?.code);
    throw error;
  });
  assert.equal((await hmsError(client({ fetch, maxResponseBytes: 100 }).create(room))).kind, "decode");
  // The fetch refused the body itself (the client's cap reached it), rather
  // than reading it whole for the client to measure.
  assert.deepEqual(refusals, [BODY_TOO_LARGE]);
  // Under a cap it fits, the same body is read.
  assert.equal((await client({ fetch, maxResponseBytes: 1 << 16 }).create(room)).length > 0, true);
  assert.equal(refusals.length, 1);
});

test("a client given no fetch honours its maxResponseBytes, and 0 is refused", async () => {
  const room = await newRoom();
  assert.equal((await hmsError(client({ maxResponseBytes: 100 }).create(room))).kind, "decode");
  assert.ok((await client({ maxResponseBytes: 1 << 16 }).create(room)).length > 0);
  assert.throws(() => client({ maxResponseBytes: 0 }), (e) => e.kind === "invalid_argument" && e.message === "maxResponseBytes must be more than zero");
});

test("a client's cap above the default reaches the default fetch, which reads the body whole", async () => {
  const room = await newRoom();
  const urlPath = `/v2/room-codes/room/${room}`;
  // Not JSON: past the cap it is "larger than the limit", within it a parse failure.
  const cap = glue.__defaultMaxResponseBytes();
  const body = "x".repeat(cap + 1024);
  await fault({ method: "POST", path: urlPath, match: "exact", status: 200, body, count: 2 });
  const capped = await hmsError(client().create(room));
  assert.match(capped.message, /larger than the \d+-byte limit/);
  const roomy = await hmsError(client({ maxResponseBytes: 2 * cap }).create(room));
  assert.equal(roomy.kind, "decode");
  assert.doesNotMatch(roomy.message, /limit/);
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
