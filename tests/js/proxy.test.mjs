// The package's Node transport through a real HTTP proxy (the tinyproxy of
// scripts/with-proxy.sh): https by CONNECT, given as `proxy` or by the
// environment's variables, NO_PROXY going direct; plain http in absolute form.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { apiBase, hmsError, pkg, root, spawnEmulator, token } from "./support.mjs";

const proxy = process.env.HMS_TEST_PROXY_URL;

/** The requests of the proxy's log whose line matches `pattern`. */
const proxied = (pattern) =>
  fs.readFileSync(process.env.HMS_TEST_PROXY_LOG, "utf8").split("\n").filter((l) => l.includes("Request (file descriptor") && pattern.test(l)).length;

test("https goes by CONNECT through the proxy given or from the environment, and NO_PROXY goes direct", async (t) => {
  assert.ok(proxy, "run under scripts/with-proxy.sh");
  const ca = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hms-js-proxy-")), "ca.pem");
  const emulator = await spawnEmulator("--tls", "--ca-out", ca);
  t.after(() => emulator.stop());
  const base = `${emulator.url}/v2`;
  const script = (options) => `
    const pkg = await import(${JSON.stringify(path.join(root, "target/npm/hms-room-codes/index.mjs"))});
    const c = new pkg.RoomCodesClient({ managementToken: "${token}", baseUrl: "${base}", authBaseUrl: "${base}", maxRetries: 0, ...${JSON.stringify(options)} });
    console.log(await c.listPage("no-such-room").catch((e) => e.kind));`;
  const run = async (options, env) => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script(options)], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: ca, ...env },
      timeout: 30_000,
    });
    return stdout.trim();
  };
  const connects = () => proxied(/: CONNECT 127\.0\.0\.1:/);
  const start = connects();
  assert.equal(await run({ proxy }, {}), "room_not_found");
  const given = connects();
  assert.ok(given > start, "the given proxy saw no CONNECT");
  assert.equal(await run({}, { HTTPS_PROXY: proxy }), "room_not_found");
  const fromEnv = connects();
  assert.ok(fromEnv > given, "HTTPS_PROXY was not followed");
  assert.equal(await run({}, { https_proxy: proxy, NO_PROXY: "localhost,127.0.0.1" }), "room_not_found");
  assert.equal(connects(), fromEnv, "NO_PROXY was not followed");
  assert.equal(await run({}, { HTTPS_PROXY: "http://127.0.0.1:1" }), "network");
});

test("plain http goes to the proxy in absolute form; a bad proxy is invalid_argument", async () => {
  const before = proxied(/: GET http:\/\/127\.0\.0\.1:/);
  const c = new pkg.RoomCodesClient({ managementToken: token, baseUrl: apiBase, authBaseUrl: apiBase, maxRetries: 0, proxy });
  const error = await hmsError(c.listPage("no-such-room"));
  assert.equal(error.kind, "room_not_found");
  assert.ok(proxied(/: GET http:\/\/127\.0\.0\.1:/) > before, "the proxy saw no request");
  for (const bad of ["socks5://127.0.0.1:1", "http://127.0.0.1:0"]) {
    assert.throws(() => new pkg.RoomCodesClient({ proxy: bad }), (e) => e.kind === "invalid_argument" && /proxy/.test(e.message));
  }
  assert.throws(
    () => new pkg.RoomCodesClient({ proxy, fetch: globalThis.fetch }),
    (e) => e.kind === "invalid_argument" && /own Node transport/.test(e.message),
  );
});
