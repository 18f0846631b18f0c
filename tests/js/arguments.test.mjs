// Arguments of the wrong type are invalid_argument HmsErrors (rejected
// promises for methods, thrown for the constructor and roomLink), never a
// TypeError or a wasm panic; and credentials are refused in a browser page.
import assert from "node:assert/strict";
import { test } from "node:test";
import { apiBase, client, hmsError, pkg } from "./support.mjs";

const wrong = { number: 42, undefined: undefined, object: { a: 1 }, null: null, array: ["x"], function: () => "x" };
const notString = Object.entries(wrong);
const notBoolean = [...notString, ["string", "true"]];

const cases = [
  ["create roomId", notString, (c, v) => c.create(v)],
  ["createForRole roomId", notString, (c, v) => c.createForRole(v, "host")],
  ["createForRole role", notString, (c, v) => c.createForRole("room", v)],
  ["listPage roomId", notString, (c, v) => c.listPage(v)],
  ["setEnabled code", notString, (c, v) => c.setEnabled(v, true)],
  ["setEnabled enabled", notBoolean, (c, v) => c.setEnabled("code", v)],
  ["authTokenForCode code", notString, (c, v) => c.authTokenForCode(v)],
  ["listPage filter.role", [["number", 1], ["object", {}]], (c, v) => c.listPage("room", { role: v })],
  ["listPage filter.enabled", [["string", "yes"], ["number", 1]], (c, v) => c.listPage("room", { enabled: v })],
  ["listPage filter.limit", [["string", "10"], ["fraction", 1.5], ["negative", -1], ["NaN", NaN]], (c, v) => c.listPage("room", { limit: v })],
  ["listPage filter", [["number", 5], ["string", "x"], ["unknown key", { rolee: "host" }]], (c, v) => c.listPage("room", v)],
  ["authTokenForCode userId", [["number", 7], ["object", {}]], (c, v) => c.authTokenForCode("code", { userId: v })],
  ["options.signal", [["number", 3], ["object", {}], ["string", "abort"]], (c, v) => c.create("room", { signal: v })],
  ["options.timeoutMs", [["string", "100"], ["zero", 0], ["negative", -5], ["Infinity", Infinity], ["huge", 2 ** 40]], (c, v) => c.create("room", { timeoutMs: v })],
  ["options", [["number", 1], ["unknown key", { timeout: 5 }]], (c, v) => c.create("room", v)],
  ["list roomId", notString, (c, v) => c.list(v).next()],
  ["list filter.start", [["a start", { start: "x" }]], (c, v) => c.list("room", v).next()],
];

for (const [parameter, values, call] of cases) {
  test(`${parameter} of the wrong type is invalid_argument`, async () => {
    for (const [name, value] of values) {
      const error = await hmsError(Promise.resolve().then(() => call(client(), value)));
      assert.equal(error.kind, "invalid_argument", `${name}: ${error.message}`);
    }
  });
}

/** The HmsError `make()` throws. */
function thrown(make) {
  try {
    make();
  } catch (error) {
    assert.ok(pkg.isHmsError(error), String(error));
    return error;
  }
  throw new Error("expected a throw");
}

test("bad client options throw invalid_argument", () => {
  for (const options of [
    42,
    "token",
    { managmentToken: "typo" },
    { managementToken: 5 },
    { managementToken: "t", accessKey: "k", appSecret: "s" },
    { accessKey: "k" },
    { baseUrl: "http://example.com/v2" },
    { baseUrl: "not a url" },
    { timeoutMs: "fast" },
    { maxRetries: -1 },
    { maxRetries: 0.5 },
    { fetch: "fetch" },
    { dangerouslyAllowBrowser: "yes" },
  ]) {
    assert.equal(thrown(() => new pkg.RoomCodesClient(options)).kind, "invalid_argument", JSON.stringify(options));
  }
  assert.ok(new pkg.RoomCodesClient());
  assert.ok(new pkg.RoomCodesClient(null));
});

test("roomLink checks its options", () => {
  for (const options of [undefined, 5, {}, { code: "abc" }, { subdomain: "a", domain: "b.com", code: "c" }, { subdomain: 1, code: "c" }]) {
    assert.equal(thrown(() => pkg.roomLink(options)).kind, "invalid_argument");
  }
});

test("in a browser page, credentials need dangerouslyAllowBrowser", () => {
  globalThis.window = globalThis;
  globalThis.document = {};
  try {
    for (const credentials of [{ managementToken: "t" }, { accessKey: "k", appSecret: "s" }]) {
      const error = thrown(() => new pkg.RoomCodesClient(credentials));
      assert.equal(error.kind, "invalid_argument");
      assert.match(error.message, /browser/);
      assert.ok(new pkg.RoomCodesClient({ ...credentials, dangerouslyAllowBrowser: true }));
    }
    assert.ok(new pkg.RoomCodesClient({ baseUrl: apiBase }), "proxy mode is fine");
  } finally {
    delete globalThis.window;
    delete globalThis.document;
  }
  assert.ok(new pkg.RoomCodesClient({ managementToken: "t" }), "fine outside a browser page");
});

/** Runs `make` with `globalThis[name]` replaced by `value`, then restores it. */
function withGlobal(name, value, make) {
  const saved = Object.getOwnPropertyDescriptor(globalThis, name);
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  try {
    return make();
  } finally {
    if (saved) Object.defineProperty(globalThis, name, saved);
    else delete globalThis[name];
  }
}

test("in a Web Worker (no server runtime), credentials need dangerouslyAllowBrowser", () => {
  const credentials = { managementToken: "t" };
  const inWorker = (make) => withGlobal("process", undefined, () => withGlobal("navigator", { userAgent: "Mozilla/5.0" }, make));
  const error = inWorker(() => thrown(() => new pkg.RoomCodesClient(credentials)));
  assert.equal(error.kind, "invalid_argument");
  assert.match(error.message, /browser \(a page or a worker\)/);
  assert.ok(inWorker(() => new pkg.RoomCodesClient({ ...credentials, dangerouslyAllowBrowser: true })));
  assert.ok(inWorker(() => new pkg.RoomCodesClient({ baseUrl: apiBase })), "proxy mode is fine");
  const workerd = (make) => withGlobal("process", undefined, () => withGlobal("navigator", { userAgent: "Cloudflare-Workers" }, make));
  assert.ok(workerd(() => new pkg.RoomCodesClient({ accessKey: "k", appSecret: "s" })), "workerd is a server");
  const deno = (make) => withGlobal("process", undefined, () => withGlobal("Deno", { version: { deno: "2.0.0" } }, make));
  assert.ok(deno(() => new pkg.RoomCodesClient(credentials)), "Deno is a server");
});

test("a lone surrogate in any string argument is invalid_argument, not replaced", async () => {
  const lone = "a\ud800b";
  const calls = [
    (c) => c.create(lone),
    (c) => c.createForRole("room", lone),
    (c) => c.createForRole(lone, "host"),
    (c) => c.listPage(lone),
    (c) => c.listPage("room", { role: lone }),
    (c) => c.listPage("room", { start: lone }),
    (c) => c.list("room", { role: lone }).next(),
    (c) => c.setEnabled(lone, true),
    (c) => c.authTokenForCode(lone),
    (c) => c.authTokenForCode("code", { userId: lone }),
  ];
  for (const call of calls) {
    const error = await hmsError(Promise.resolve().then(() => call(client())));
    assert.equal(error.kind, "invalid_argument", String(call));
    assert.match(error.message, /lone surrogate/);
  }
  assert.equal(thrown(() => new pkg.RoomCodesClient({ managementToken: `t${lone}` })).kind, "invalid_argument");
  assert.equal(thrown(() => pkg.roomLink({ subdomain: "app", code: lone })).kind, "invalid_argument");
});

test("a method called on an object that is not a client fails clearly", async () => {
  const forged = { __wbg_ptr: 12345 };
  const error = await hmsError(Promise.resolve().then(() => pkg.RoomCodesClient.prototype.create.call(forged, "r1")));
  assert.equal(error.kind, "invalid_argument");
  assert.match(error.message, /not a RoomCodesClient/);
  assert.match(thrown(() => pkg.RoomCodesClient.prototype.list.call(forged, "r1")).message, /not a RoomCodesClient/);
});

test("number options say exactly what is wrong, in every option that takes a number", async () => {
  const expected = [
    [-1, /must be at least \d+, not -1$/],
    [1.5, /must be a whole number, not 1\.5$/],
    [0.5, /must be a whole number, not 0\.5$/],
    [NaN, /must be a number, not NaN$/],
    [Infinity, /must be a finite whole number, not Infinity$/],
    [-Infinity, /must be a finite whole number, not -Infinity$/],
    [2 ** 40, /must be at most \d+, not 1099511627776$/],
    ["7", /must be a number, not a string$/],
  ];
  for (const key of ["timeoutMs", "maxRetries", "maxPages", "maxResponseBytes"]) {
    for (const [value, message] of expected) {
      const error = thrown(() => new pkg.RoomCodesClient({ [key]: value }));
      assert.equal(error.kind, "invalid_argument");
      assert.match(error.message, new RegExp(`^options\\.${key} ${message.source}`), `${key}: ${value}`);
    }
  }
  for (const [value, message] of expected) {
    const perCall = await hmsError(client().create("room", { timeoutMs: value }));
    assert.match(perCall.message, new RegExp(`^options\\.timeoutMs ${message.source}`));
    const limit = await hmsError(client().listPage("room", { limit: value }));
    assert.match(limit.message, new RegExp(`^filter\\.limit ${message.source}`));
  }
  // 0: a timeout of 0 ms is no timeout; no pages or no bytes is the core's refusal, in JS names.
  assert.equal(thrown(() => new pkg.RoomCodesClient({ timeoutMs: 0 })).message, "options.timeoutMs must be at least 1, not 0");
  assert.equal(thrown(() => new pkg.RoomCodesClient({ maxPages: 0 })).message, "maxPages must be more than zero");
  assert.equal(thrown(() => new pkg.RoomCodesClient({ maxResponseBytes: 0 })).message, "maxResponseBytes must be more than zero");
  assert.ok(new pkg.RoomCodesClient({ maxRetries: 0, timeoutMs: 1 }));
});

test("an option whose getter throws is invalid_argument naming it, and nothing is sent", async () => {
  let sent = 0;
  const fetch = async () => {
    sent += 1;
    return new Response("{}");
  };
  const throwing = (key) => ({
    managementToken: "t",
    fetch,
    get [key]() {
      throw new Error(`no ${key} today`);
    },
  });
  for (const key of ["baseUrl", "authBaseUrl", "managementToken", "timeoutMs", "maxRetries", "fetch", "allowInsecureHttp"]) {
    const error = thrown(() => new pkg.RoomCodesClient(throwing(key)));
    assert.equal(error.kind, "invalid_argument");
    assert.equal(error.message, `options.${key} could not be read: its getter threw (no ${key} today)`);
  }
  const c = client({ fetch });
  const perCall = await hmsError(c.create("room", { get signal() { throw new Error("x"); } }));
  assert.match(perCall.message, /^options\.signal could not be read/);
  const filter = await hmsError(c.listPage("room", { get role() { throw new Error("x"); } }));
  assert.match(filter.message, /^filter\.role could not be read/);
  const listed = await hmsError(c.list("room", { get limit() { throw new Error("x"); } }).next());
  assert.match(listed.message, /^filter\.limit could not be read/);
  assert.throws(() => pkg.roomLink({ code: "c", get subdomain() { throw new Error("x"); } }), /options\.subdomain could not be read/);
  assert.equal(sent, 0);
});

test("messages name what the JS user wrote: camelCase operations and options", async () => {
  const c = client({ maxRetries: 0 });
  const cases = [
    [() => c.createForRole("", "host"), "createForRole: roomId must not be empty"],
    [() => c.create(" "), "create: roomId must not be empty"],
    [() => c.listPage("", {}), "listPage: roomId must not be empty"],
    [() => c.setEnabled("", true), "setEnabled: code must not be empty"],
    [() => c.authTokenForCode("code", { userId: " " }), "authTokenForCode: userId must not be empty"],
    [() => c.list("").next(), "list: roomId must not be empty"],
  ];
  for (const [call, message] of cases) assert.equal((await hmsError(call())).message, message);
  const insecure = thrown(() => new pkg.RoomCodesClient({ baseUrl: "http://example.com/v2" }));
  assert.match(insecure.message, /^baseUrl uses plain http/);
  const authInsecure = thrown(() => new pkg.RoomCodesClient({ authBaseUrl: "http://example.com/v2" }));
  assert.match(authInsecure.message, /^authBaseUrl uses plain http/);
  const failing = client({ maxRetries: 0, fetch: () => Promise.reject(new TypeError("fetch failed")) });
  for (const [call, name] of [
    [() => failing.createForRole("r", "host"), "createForRole"],
    [() => failing.listPage("r"), "listPage"],
    [() => failing.setEnabled("c", true), "setEnabled"],
    [() => failing.authTokenForCode("c"), "authTokenForCode"],
  ]) {
    const error = await hmsError(call());
    assert.ok(error.message.startsWith(`${name} to 127.0.0.1:`), error.message);
    assert.doesNotMatch(error.message, /_/);
  }
});

test("a method called detached, or after free(), is invalid_argument in our words", async () => {
  const c = client();
  for (const method of ["create", "createForRole", "listPage", "setEnabled", "authTokenForCode"]) {
    const detached = c[method];
    const error = await hmsError(detached("room", "x"));
    assert.equal(error.kind, "invalid_argument");
    assert.equal(
      error.message,
      `${method} was called on something that is not a RoomCodesClient: call it as client.${method}(…), or bind it first (client.${method}.bind(client))`,
    );
  }
  const list = c.list;
  assert.equal(thrown(() => list("room")).kind, "invalid_argument");
  const free = c.free;
  assert.equal(thrown(() => free()).kind, "invalid_argument");
  const listing = c.list("room");
  const nextPage = listing.nextPage;
  assert.match((await hmsError(nextPage())).message, /^nextPage was called on something that is not a RoomCodeList/);
  for (const method of ["next", "return"]) {
    const detached = listing[method];
    assert.match((await hmsError(detached())).message, new RegExp(`^${method} was called on something that is not a RoomCodeList`));
  }
  const freeList = listing.free;
  assert.equal(thrown(() => freeList()).kind, "invalid_argument");
  assert.equal(listing[Symbol.dispose], listing.free);

  const view = c.withResponse();
  const viewOfView = view.withResponse();
  c.free();
  assert.doesNotThrow(() => c.free(), "a second free() is harmless");
  for (const client of [view, viewOfView]) {
    const error = await hmsError(client.listPage("room"));
    assert.equal(error.kind, "invalid_argument");
    assert.equal(error.message, "listPage: the client is closed (free() was called on the client it came from)");
    assert.match(thrown(() => client.list("room")).message, /^list: the client is closed/);
    assert.match(thrown(() => client.withResponse()).message, /^withResponse: the client is closed/);
  }
  for (const method of ["create", "createForRole", "listPage", "setEnabled", "authTokenForCode"]) {
    const error = await hmsError(c[method]("room", "x"));
    assert.equal(error.kind, "invalid_argument");
    assert.equal(error.message, `${method}: the client is closed (free() was called)`);
  }
  assert.equal(thrown(() => c.list("room")).message, "list: the client is closed (free() was called)");
  listing.free();
  assert.equal(listing.hasMore(), false);
  assert.equal(await listing.nextPage(), null, "a freed listing is over");
  assert.deepEqual(await listing.next(), { value: undefined, done: true });
});
