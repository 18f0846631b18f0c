// Where the Node entry gets the random seed of signed tokens (their `jti`):
// /dev/urandom, read with `fs`, so that a cold start does not load Web
// Crypto; Web Crypto where the file may not be read.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { apiBase, clean, newRoom, requests, root } from "./support.mjs";

const packageDir = path.join(root, "target/npm/hms-room-codes");

/** In a new Node process started with `flags`: a client with app keys signs
 * a token and creates a code for `room`; whether that process loaded Web Crypto. */
function signInChild(room, flags = []) {
  const program = `
    const { RoomCodesClient } = require(${JSON.stringify(path.join(packageDir, "index.cjs"))});
    const client = new RoomCodesClient({ accessKey: "emulator-access-key", appSecret: "emulator-app-secret", baseUrl: ${JSON.stringify(apiBase)} });
    client.createForRole(${JSON.stringify(room)}, "guest").then((code) => {
      const webCrypto = process.moduleLoadList.includes("NativeModule internal/crypto/webcrypto");
      process.stdout.write(JSON.stringify({ role: code.role, webCrypto }));
    });`;
  return JSON.parse(execFileSync(process.execPath, [...flags, "-e", program], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
}

/** The `jti` of every token sent to create a guest code in `room`. */
async function tokenIds(room) {
  const sent = await requests("POST", `/v2/room-codes/room/${room}/role/guest`);
  return sent.map((r) => JSON.parse(Buffer.from(r.headers.authorization.split(".")[1], "base64url")).jti);
}

test("Node seeds token ids from /dev/urandom and never loads Web Crypto", async () => {
  await clean();
  const room = await newRoom();
  for (let i = 0; i < 2; i++) assert.deepEqual(signInChild(room), { role: "guest", webCrypto: false });
  const ids = await tokenIds(room);
  assert.equal(ids.length, 2);
  assert.notEqual(ids[0], ids[1], "two processes drew the same seed");
});

test("where /dev/urandom may not be read, Web Crypto seeds token ids", async () => {
  await clean();
  const room = await newRoom();
  const flags = ["--experimental-permission", `--allow-fs-read=${packageDir}/*`];
  for (let i = 0; i < 2; i++) assert.deepEqual(signInChild(room, flags), { role: "guest", webCrypto: true });
  const ids = await tokenIds(room);
  assert.equal(ids.length, 2);
  assert.notEqual(ids[0], ids[1]);
});
