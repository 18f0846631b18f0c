// The shared test vectors (tests/vectors/*.json) through the package's API:
// the fault matrix per operation, and the bad-input table per string parameter.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { clean, client, control, fault, newRoom, pkg, requests, root } from "./support.mjs";

const vectors = (name) => JSON.parse(fs.readFileSync(path.join(root, "tests/vectors", name), "utf8"));
const matrix = vectors("faults.json");
const badInput = vectors("bad_input.json");

/** Runs `operation` once on `room` (and `code`, a code of that room). */
const operations = {
  create: (c, room) => c.create(room),
  create_for_role: (c, room) => c.createForRole(room, "host"),
  list_page: (c, room) => c.listPage(room),
  set_enabled: (c, room, code) => c.setEnabled(code, true),
  auth_token_for_code: (c, room, code) => c.authTokenForCode(code),
};

/** The case's fault rule with its placeholders filled in. */
function rule(caseFault, method, urlPath) {
  const { retry_after_in_ms: wait, body_bytes: bytes, ...rest } = caseFault;
  const filled = { ...rest, method, path: urlPath, match: "exact" };
  if (wait !== undefined) filled.retry_after = new Date(Date.now() + wait).toUTCString();
  if (bytes !== undefined) filled.body = "x".repeat(bytes);
  return filled;
}

for (const vector of matrix.cases) {
  test(`fault matrix: ${vector.name}`, async () => {
    await clean();
    const room = await newRoom();
    const [{ code }] = await client().create(room);
    await clean();
    const c = client({
      timeoutMs: matrix.client.timeout_ms,
      maxRetries: matrix.client.max_retries,
      maxResponseBytes: matrix.client.max_response_bytes,
    });
    await Promise.all(
      Object.entries(operations).map(async ([name, run]) => {
        const op = matrix.operations[name];
        const urlPath = op.path.replace("{room}", room);
        await fault(rule(vector.fault, op.method, urlPath));
        const want = vector.expect[name] ?? vector.expect["*"];
        const started = Date.now();
        const outcome = await run(c, room, code).then(() => null, (error) => error);
        const elapsed = Date.now() - started;
        const label = `${name}: ${outcome?.message}`;
        assert.equal(outcome?.kind ?? null, want.kind, label);
        assert.equal((await requests(op.method, urlPath)).length, want.requests, label);
        if (want.min_ms !== undefined) assert.ok(elapsed >= want.min_ms, `${name} took ${elapsed} ms`);
        if (want.retry_after_ms !== undefined) assert.equal(outcome.retryAfterMs, want.retry_after_ms);
      }),
    );
  });
}

/** Every string parameter of every operation, filled with `value`. */
const stringParameters = {
  "create roomId": (c, v) => c.create(v),
  "createForRole roomId": (c, v) => c.createForRole(v, "host"),
  "createForRole role": (c, v, room) => c.createForRole(room, v),
  "listPage roomId": (c, v) => c.listPage(v),
  "listPage role": (c, v, room) => c.listPage(room, { role: v }),
  "listPage start": (c, v, room) => c.listPage(room, { start: v }),
  "setEnabled code": (c, v) => c.setEnabled(v, true),
  "authTokenForCode code": (c, v) => c.authTokenForCode(v),
  "authTokenForCode userId": (c, v, room, code) => c.authTokenForCode(code, { userId: v }),
};

const valueOf = (entry) => entry.value ?? entry.repeat?.repeat(entry.times);

test("bad input: every invalid value is invalid_argument, with no request", async () => {
  const room = await newRoom();
  const [{ code }] = await client().create(room);
  await clean();
  for (const entry of badInput.values.filter((v) => !v.valid && !v.hex)) {
    for (const [parameter, run] of Object.entries(stringParameters)) {
      const outcome = await run(client(), valueOf(entry), room, code).then(() => null, (error) => error);
      assert.equal(outcome?.kind, "invalid_argument", `${entry.name} as ${parameter}`);
    }
  }
  const log = await control("GET", "/_emulator/requests");
  assert.deepEqual(log, []);
});

test("bad input: every valid value reaches the service intact", async () => {
  const valid = badInput.values.filter((v) => v.valid).map(valueOf);
  await control("POST", "/_emulator/templates", { id: "odd-roles", roles: valid });
  const room = await newRoom({ template_id: "odd-roles" });
  const c = client();
  for (const role of valid) {
    const made = await c.createForRole(room, role);
    assert.equal(made.role, role);
    const page = await c.listPage(room, { role });
    assert.deepEqual(page.data.map((d) => d.role), [role]);
    const { token } = await c.authTokenForCode(made.code, { userId: role });
    assert.equal(JSON.parse(Buffer.from(token.split(".")[1], "base64url")).user_id, role);
  }
});

/** A vector's snake_case client options as the package's option names. */
const optionNames = {
  management_token: "managementToken",
  access_key: "accessKey",
  app_secret: "appSecret",
  max_retries: "maxRetries",
  max_pages: "maxPages",
  max_response_bytes: "maxResponseBytes",
  base_url: "baseUrl",
};
const jsOptions = (options) =>
  Object.fromEntries(Object.entries(options).map(([name, value]) => [optionNames[name], value]));

test("config vectors: the core accepts or refuses each setting", () => {
  for (const vector of vectors("config.json").cases) {
    const options = { baseUrl: "http://127.0.0.1:9/v2", authBaseUrl: "http://127.0.0.1:9/v2", ...jsOptions(vector.options) };
    let outcome = null;
    try {
      new pkg.RoomCodesClient(options);
    } catch (error) {
      outcome = error;
    }
    assert.equal(outcome?.kind ?? null, vector.kind, `${vector.name}: ${outcome?.message}`);
  }
});

test("listing vectors: list always ends", async () => {
  for (const vector of vectors("listing.json").cases) {
    await clean();
    const room = await newRoom();
    const urlPath = `/v2/room-codes/room/${room}`;
    if (vector.fault !== null) await fault({ ...vector.fault, method: "GET", path: urlPath, match: "exact" });
    const c = client(jsOptions(vector.client));
    let outcome = null;
    let codes = 0;
    try {
      for await (const code of c.list(room)) assert.ok(code.code), (codes += 1);
    } catch (error) {
      outcome = error;
    }
    assert.equal(outcome?.kind ?? null, vector.kind, `${vector.name}: ${outcome?.message}`);
    assert.equal(codes, vector.codes, `${vector.name}: codes handed out`);
    assert.equal((await requests("GET", urlPath)).length, vector.requests, vector.name);
  }
  await clean();
});
