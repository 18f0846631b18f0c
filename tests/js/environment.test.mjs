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

test("fromEnv: app keys come in pairs and a token with keys is refused, naming the variables", async () => {
  const cases = [
    [{ HMS_ACCESS_KEY: "k" }, "HMS_SECRET"],
    [{ HMS_APP_SECRET: "s", HMS_ACCESS_KEY: "k" }, "HMS_SECRET"],
    [{ HMS_SECRET: "s" }, "HMS_ACCESS_KEY"],
    [{ HMS_MANAGEMENT_TOKEN: "t", HMS_ACCESS_KEY: "k", HMS_SECRET: "s" }, "HMS_MANAGEMENT_TOKEN"],
    [{ HMS_MANAGEMENT_TOKEN: "t", HMS_SECRET: "s" }, "HMS_MANAGEMENT_TOKEN"],
  ];
  for (const [vars, named] of cases) {
    const outcome = await withEnv({ ...vars, HMS_API_BASE_URL: apiBase }, () => {
      try {
        return pkg.RoomCodesClient.fromEnv();
      } catch (error) {
        return error;
      }
    });
    assert.ok(pkg.isHmsError(outcome) && outcome.kind === "invalid_argument", `${JSON.stringify(vars)}: ${outcome}`);
    assert.ok(outcome.message.includes(named), outcome.message);
  }
  // Credentials given as options replace the environment's, half-set or not.
  const managementToken = process.env.HMS_MANAGEMENT_TOKEN;
  const client = await withEnv({ HMS_ACCESS_KEY: "k", HMS_API_BASE_URL: apiBase }, () =>
    pkg.RoomCodesClient.fromEnv({ managementToken }));
  assert.equal((await client.create(await newRoom())).length, 3);
});

test("free() and Symbol.dispose release a client; a freed one throws rather than crashes", () => {
  const client = new pkg.RoomCodesClient({ managementToken: "t", baseUrl: apiBase });
  assert.equal(client[Symbol.dispose], client.free);
  client[Symbol.dispose]();
  assert.throws(() => client.list("room"), (e) => pkg.isHmsError(e) && e.message === "list: the client is closed (free() was called)");
});
