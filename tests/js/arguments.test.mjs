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
