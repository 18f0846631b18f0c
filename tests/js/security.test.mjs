// The safety promises through the package: https only, redirects never
// followed, TLS trust, and secrets kept out of errors and inspected values.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import util, { promisify } from "node:util";
import { apiBase, clean, client, control, fault, hmsError, newRoom, pkg, root, spawnEmulator, token } from "./support.mjs";

const matrix = JSON.parse(fs.readFileSync(path.join(root, "tests/vectors/faults.json"), "utf8"));

test("plain http to a host that is not loopback needs allowInsecureHttp", () => {
  for (const urls of [{ baseUrl: "http://example.invalid/v2" }, { authBaseUrl: "http://example.invalid/v2" }]) {
    assert.throws(() => new pkg.RoomCodesClient(urls), (e) => e.kind === "invalid_argument" && /http/.test(e.message));
    assert.ok(new pkg.RoomCodesClient({ ...urls, allowInsecureHttp: true }), "accepted, and nothing is sent");
  }
});

test("a redirect to another host is not followed: that host gets nothing", async () => {
  await clean();
  const other = await spawnEmulator();
  try {
    const room = await newRoom();
    const c = client();
    const { code } = await c.createForRole(room, "guest");
    const calls = {
      create: () => c.create(room),
      create_for_role: () => c.createForRole(room, "host"),
      list_page: () => c.listPage(room),
      set_enabled: () => c.setEnabled(code, false),
      auth_token_for_code: () => c.authTokenForCode(code),
    };
    for (const status of [301, 302, 303, 307, 308]) {
      for (const [name, call] of Object.entries(calls)) {
        const { method, path: pattern } = matrix.operations[name];
        const urlPath = pattern.replace("{room}", room);
        await fault({ method, path: urlPath, match: "exact", action: "redirect", status, location: `${other.url}${urlPath}` });
        const error = await hmsError(call());
        assert.equal(error.kind, "unexpected_status", `${name} ${status}: ${error.message}`);
        assert.equal(error.status, status);
      }
    }
    assert.deepEqual(await control("GET", "/_emulator/requests", undefined, other.url), []);
  } finally {
    other.stop();
  }
});

/** A TLS emulator and the file holding its CA certificate. */
async function tlsEmulator(t) {
  const ca = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hms-js-tls-")), "ca.pem");
  const emulator = await spawnEmulator("--tls", "--ca-out", ca);
  t.after(() => emulator.stop());
  return { base: `${emulator.url}/v2`, ca };
}

test("an untrusted certificate is a network error saying how to trust a CA, never retried", async (t) => {
  const { base } = await tlsEmulator(t);
  assert.match(base, /^https:\/\/127\.0\.0\.1:/);
  let attempts = 0;
  const counting = (url, init) => (attempts++, pkg.keepAliveFetch()(url, init));
  for (const fetch of [undefined, counting, globalThis.fetch]) {
    const error = await hmsError(client({ baseUrl: base, authBaseUrl: base, fetch }).listPage("room"));
    assert.equal(error.kind, "network", error.message);
    assert.match(error.message, /certificate is not trusted/);
    assert.match(error.message, /NODE_EXTRA_CA_CERTS/);
  }
  assert.equal(attempts, 1);
});

test("https to a plain-http server is one attempt, a network error in the project's words", async () => {
  const plain = apiBase.replace(/^http:/, "https:");
  let attempts = 0;
  const counting = (url, init) => (attempts++, pkg.keepAliveFetch()(url, init));
  for (const fetch of [counting, globalThis.fetch]) {
    const error = await hmsError(client({ baseUrl: plain, authBaseUrl: plain, fetch }).listPage("room"));
    assert.equal(error.kind, "network", error.message);
    assert.match(error.message, /did not answer in TLS/);
    assert.doesNotMatch(error.message, /SSL routines|EPROTO|ERR_SSL/);
  }
  assert.equal(attempts, 1);
});

test("with NODE_EXTRA_CA_CERTS naming the CA, Node trusts the server", async (t) => {
  const { base, ca } = await tlsEmulator(t);
  const script = `
    const pkg = await import(${JSON.stringify(path.join(root, "target/npm/hms-room-codes/index.mjs"))});
    for (const fetch of [undefined, globalThis.fetch]) {
      const c = new pkg.RoomCodesClient({ managementToken: "${token}", baseUrl: "${base}", authBaseUrl: "${base}", fetch });
      const kinds = await Promise.all([c.listPage("no-such-room"), c.authTokenForCode("no-such-code")].map((p) => p.catch((e) => e.kind)));
      console.log(kinds.join(" "));
    }`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: ca },
  });
  assert.equal(stdout, "room_not_found code_not_found\n".repeat(2));
});

test("no secret or sent JWT shows in an error, its stack, JSON or an inspected client", async () => {
  await clean();
  const secrets = { managementToken: "js-m4n4gement-token-2f8b", appSecret: "js-s3cr3t-app-secret-0e9c" };
  const room = await newRoom();
  const listPath = `/v2/room-codes/room/${room}`;
  let shown = "";
  for (const credentials of [{ managementToken: secrets.managementToken }, { accessKey: "emulator-access-key", appSecret: secrets.appSecret }]) {
    const c = new pkg.RoomCodesClient({ ...credentials, baseUrl: apiBase, authBaseUrl: apiBase, timeoutMs: 300, maxRetries: 0 });
    for (const rule of [null, { status: 500 }, { status: 429, retry_after: "60" }, { action: "not_json" }, { action: "reset" }, { action: "redirect" }, { delay_ms: 700 }]) {
      await fetch(`${process.env.HMS_EMULATOR_URL}/_emulator/faults`, { method: "DELETE" });
      if (rule) await fault({ ...rule, method: "GET", path: listPath });
      const error = await hmsError(c.listPage(room));
      shown += `${String(error)} ${error.stack} ${JSON.stringify(error)} ${util.inspect(error)} ${util.inspect(c)}\n`;
    }
  }
  for (const bad of [{ managementToken: `${secrets.managementToken}\n` }, { accessKey: "k", appSecret: `${secrets.appSecret}\u0007` }]) {
    let error;
    try {
      new pkg.RoomCodesClient(bad);
    } catch (e) {
      error = e;
    }
    assert.ok(pkg.isHmsError(error), String(error));
    shown += `${String(error)} ${error.stack} ${JSON.stringify(error)}\n`;
  }
  const sent = (await control("GET", "/_emulator/requests"))
    .map((r) => r.headers.authorization?.replace(/^Bearer /, ""))
    .filter(Boolean);
  assert.ok(sent.some((t) => t.startsWith("ey")), "JWTs were signed and sent");
  for (const secret of [...Object.values(secrets), ...sent]) {
    assert.ok(!shown.includes(secret), `${secret} leaked`);
  }
});
