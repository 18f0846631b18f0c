// Every operation of the package against the emulator, in token and
// credentials mode.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { apiBase, clean, client, control, newRoom, pkg, requests } from "./support.mjs";

beforeEach(clean);

const codeKeys = ["code", "created_at", "enabled", "role", "room_id", "updated_at"];

test("create gives a code for every role, with the service's keys", async () => {
  const room = await newRoom();
  const codes = await client().create(room);
  assert.deepEqual(codes.map((c) => c.role).sort(), ["guest", "host", "viewer"]);
  for (const code of codes) {
    assert.deepEqual(Object.keys(code).sort(), codeKeys);
    assert.equal(code.room_id, room);
    assert.equal(code.enabled, true);
    assert.match(code.created_at, /^\d{4}-\d\d-\d\dT/);
  }
});

test("createForRole mints one more code for the role", async () => {
  const room = await newRoom();
  const c = client();
  const first = await c.createForRole(room, "guest");
  const second = await c.createForRole(room, "guest");
  assert.equal(first.role, "guest");
  assert.notEqual(first.code, second.code);
});

test("listPage filters and pages with start; list walks every page", async () => {
  const room = await newRoom();
  const c = client();
  await c.create(room);
  for (let i = 0; i < 12; i++) await c.createForRole(room, "guest");
  const page = await c.listPage(room, { role: "guest", limit: 10 });
  assert.equal(page.data.length, 10);
  assert.equal(typeof page.last, "string");
  const next = await c.listPage(room, { role: "guest", limit: 10, start: page.last });
  assert.equal(next.data.length, 3);
  assert.equal(next.last, null);
  const all = [];
  for await (const code of c.list(room, { limit: 10 })) all.push(code.code);
  assert.equal(all.length, 15);
  assert.equal(new Set(all).size, 15);
  const gets = await requests("GET", `/v2/room-codes/room/${room}`);
  assert.ok(gets.some((r) => r.query.includes("start=")), "list followed the cursor");
});

test("list stops early on break, and next() calls run in order", async () => {
  const room = await newRoom();
  const c = client();
  await c.create(room);
  for await (const code of c.list(room)) {
    assert.ok(code.code);
    break;
  }
  const it = c.list(room, { enabled: true });
  const results = await Promise.all([it.next(), it.next(), it.next(), it.next()]);
  assert.deepEqual(results.map((r) => r.done), [false, false, false, true]);
  assert.equal(new Set(results.slice(0, 3).map((r) => r.value.code)).size, 3);
  assert.equal(it[Symbol.asyncIterator]().constructor.name, "RoomCodeList");
});

test("a listing frees itself when it is over, and free(), next() and return() stay safe after", async () => {
  const room = await newRoom();
  const c = client();
  await c.create(room);
  const it = c.list(room);
  const codes = [];
  for await (const code of it) codes.push(code.code);
  assert.equal(codes.length, 3);
  assert.doesNotThrow(() => it.free());
  assert.deepEqual(await it.next(), { value: undefined, done: true });
  assert.deepEqual(await it.return(), { value: undefined, done: true });

  const early = c.list(room);
  const pending = early.next();
  assert.deepEqual(await early.return(), { value: undefined, done: true });
  assert.deepEqual(await pending, { value: undefined, done: true });
  assert.doesNotThrow(() => early.free());

  const pages = c.list(room, { limit: 2 });
  assert.equal(pages.hasMore(), true);
  const sizes = [];
  for (let page = await pages.nextPage(); page !== null; page = await pages.nextPage()) sizes.push(page.length);
  assert.deepEqual(sizes, [2, 1]);
  assert.equal(pages.hasMore(), false);
});

test("codes come out the same through the compact form and its JSON fallback", async () => {
  const answer = (codes) => async () =>
    new Response(JSON.stringify({ limit: 10, data: codes, last: "" }), { headers: { "content-type": "application/json" } });
  const plain = { code: "abc-defg-hij", room_id: "r1", role: "guest", enabled: false, created_at: "2026-12-02T07:00:00Z" };
  const odd = { ...plain, role: "a\u001fb\u0000\"é", updated_at: null, extra: [1] };
  for (const codes of [[plain], [plain, odd]]) {
    const page = await client({ fetch: answer(codes) }).listPage("r1");
    const expected = codes.map(({ extra, ...code }) => ({ created_at: null, updated_at: null, ...code }));
    assert.deepEqual(page, { limit: 10, data: expected, last: null });
    const listed = [];
    for await (const code of client({ fetch: answer(codes) }).list("r1")) listed.push(code);
    assert.deepEqual(listed, expected);
  }
});

test("setEnabled disables and enables a code", async () => {
  const room = await newRoom();
  const c = client();
  const [code] = await c.create(room);
  assert.equal((await c.setEnabled(code.code, false)).enabled, false);
  const disabled = await c.listPage(room, { enabled: false });
  assert.deepEqual(disabled.data.map((d) => d.code), [code.code]);
  assert.equal((await c.setEnabled(code.code, true)).enabled, true);
});

test("authTokenForCode sends no management token", async () => {
  const room = await newRoom();
  const c = client();
  const [code] = await c.create(room);
  const { token: jwt } = await c.authTokenForCode(code.code, { userId: "user-1" });
  const claims = JSON.parse(Buffer.from(jwt.split(".")[1], "base64url"));
  assert.equal(claims.user_id, "user-1");
  assert.equal(claims.room_id, room);
  const [sent] = await requests("POST", "/v2/token");
  assert.equal(sent.headers.authorization, undefined);
  assert.deepEqual(JSON.parse(sent.body), { code: code.code, user_id: "user-1" });
  assert.equal(typeof (await c.authTokenForCode(code.code)).token, "string");
});

test("authTokenForCode: the token comes with its expiry and prints redacted", async () => {
  const room = await newRoom();
  // Only the base URL set: the token exchange follows it.
  const c = new pkg.RoomCodesClient({ managementToken: process.env.HMS_MANAGEMENT_TOKEN, baseUrl: apiBase });
  const [code] = await c.create(room);
  const token = await c.authTokenForCode(code.code);
  assert.equal(token.token.split(".").length, 3);
  assert.match(token.expires_at, /^\d{4}-\d\d-\d\dT.*Z$/);
  assert.ok(Date.parse(token.expires_at) > Date.now());
  const { inspect } = await import("node:util");
  const shown = [JSON.stringify(token), String(token), `${token}`, inspect(token), inspect({ token }),
    JSON.stringify({ ...token }), Object.keys(token).join()];
  for (const text of shown) assert.ok(!text.includes(token.token), text);
  assert.ok(JSON.stringify(token).includes("<redacted>") && JSON.stringify(token).includes(token.expires_at));
  assert.ok(Object.isFrozen(token));
});

test("credentials mode: the client signs tokens the emulator verifies", async () => {
  const room = await newRoom();
  const c = new pkg.RoomCodesClient({ accessKey: "emulator-access-key", appSecret: "emulator-app-secret", baseUrl: apiBase });
  assert.equal((await c.create(room)).length, 3);
  await c.createForRole(room, "host");
  const sent = await requests("POST", `/v2/room-codes/room/${room}/role/host`);
  const jwt = sent[0].headers.authorization.replace(/^Bearer /, "");
  const claims = JSON.parse(Buffer.from(jwt.split(".")[1], "base64url"));
  assert.equal(claims.access_key, "emulator-access-key");
  assert.equal(claims.type, "management");
  const wrong = new pkg.RoomCodesClient({ accessKey: "emulator-access-key", appSecret: "wrong", baseUrl: apiBase });
  await assert.rejects(wrong.create(room), { name: "HmsError", kind: "unauthorized", status: 401 });
});

test("requests carry the JS user agent and JSON headers", async () => {
  const room = await newRoom();
  await client().create(room);
  const [sent] = await requests("POST", `/v2/room-codes/room/${room}`);
  assert.match(sent.headers["user-agent"], /^hms-room-codes\/\d+\.\d+\.\d+ \(js\)$/);
  assert.equal(sent.headers["content-type"], "application/json");
});

test("a fetch of the caller's own is used for every request", async () => {
  const room = await newRoom();
  const seen = [];
  const c = client({ fetch: (url, init) => (seen.push([init.method, url]), fetch(url, init)) });
  await c.create(room);
  assert.deepEqual(seen, [["POST", `${apiBase}/room-codes/room/${room}`]]);
});

test("roomLink builds links without a request", () => {
  assert.equal(pkg.roomLink({ subdomain: "myapp", code: "abc-defg-hij" }), "https://myapp.app.100ms.live/meeting/abc-defg-hij");
  assert.equal(
    pkg.roomLink({ domain: "meet.example.com", code: "abc", userId: "u 1", name: "Zoë" }),
    "https://meet.example.com/abc?userId=u%201&name=Zo%C3%AB",
  );
});

test("the control API sees disabled rooms as the service does", async () => {
  const room = await newRoom();
  await control("POST", `/v2/rooms/${room}`, { enabled: false });
  await assert.rejects(client().create(room), { kind: "room_disabled", status: 403 });
});
