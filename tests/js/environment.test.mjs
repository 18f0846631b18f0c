// RoomCodesClient.fromEnv (the variables of the Rust, C and Go bindings) and
// releasing a client early with free() or Symbol.dispose.
import assert from "node:assert/strict";
import { test } from "node:test";
import { apiBase, newRoom, pkg } from "./support.mjs";

/** Runs `body` with `vars` as the only HMS_* variables, then restores them. */
async function withEnv(vars, body) {
  const saved = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith("HMS_")));
  for (const name of Object.keys(saved)) delete process.env[name];
  Object.assign(process.env, vars);
  try {
    return await body();
  } finally {
    for (const name of Object.keys(vars)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

test("fromEnv: app keys and base URLs from the environment", async () => {
  const room = await newRoom();
  const keys = { HMS_ACCESS_KEY: process.env.HMS_EMULATOR_ACCESS_KEY, HMS_SECRET: process.env.HMS_EMULATOR_SECRET };
  const urls = { HMS_API_BASE_URL: apiBase, HMS_AUTH_BASE_URL: apiBase };
  const code = await withEnv({ ...keys, ...urls }, () => pkg.RoomCodesClient.fromEnv().createForRole(room, "guest"));
  assert.equal(code.role, "guest");
  const token = { HMS_MANAGEMENT_TOKEN: process.env.HMS_MANAGEMENT_TOKEN, ...urls };
  const codes = await withEnv(token, () => pkg.RoomCodesClient.fromEnv({ timeoutMs: 5000 }).create(room));
  assert.equal(codes.length, 3);
});

test("fromEnv: options win over the environment; bad settings are invalid_argument", async () => {
  const room = await newRoom();
  const good = process.env.HMS_MANAGEMENT_TOKEN;
  const token = { HMS_MANAGEMENT_TOKEN: "wrong-token", HMS_API_BASE_URL: "http://127.0.0.1:9/v2" };
  const client = await withEnv(token, () => pkg.RoomCodesClient.fromEnv({ managementToken: good, baseUrl: apiBase }));
  assert.equal((await client.create(room)).length, 3);
  const wrong = await withEnv({ HMS_API_BASE_URL: "ftp://example.com" }, () => {
    try {
      pkg.RoomCodesClient.fromEnv();
    } catch (error) {
      return error;
    }
  });
  assert.ok(pkg.isHmsError(wrong) && wrong.kind === "invalid_argument", String(wrong));
  assert.throws(() => pkg.RoomCodesClient.fromEnv({ nope: 1 }), (e) => pkg.isHmsError(e) && /unknown key "nope"/.test(e.message));
});

test("free() and Symbol.dispose release a client; a freed one throws rather than crashes", () => {
  const client = new pkg.RoomCodesClient({ managementToken: "t", baseUrl: apiBase });
  assert.equal(client[Symbol.dispose], client.free);
  client[Symbol.dispose]();
  assert.throws(() => client.list("room"), /null pointer passed to rust/);
});
