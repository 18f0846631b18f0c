"use strict";
// hms-room-codes for Node (also Deno and Bun, which read the `node` condition),
// CommonJS. `import` reaches this same module through index.mjs, so a program
// that mixes both gets one instance and one HmsError.
//
// The wasm is read from hms_room_codes_bg.wasm next to this file; a server
// bundle (esbuild, webpack), which has no such file, carries the embedded
// copy, hms_room_codes_wasm.cjs (deflated, base64), which a plain `require`
// makes every bundler include, and which unbundled Node never loads.
const fs = require("node:fs");
const path = require("node:path");
const { start } = require("./runtime.cjs");
const { clientFetch, keepAliveFetch } = require("./node-fetch.cjs");

/** The wasm bytes: the file if it is there, else the embedded copy. */
function wasmBytes() {
  try {
    return fs.readFileSync(path.join(__dirname, "hms_room_codes_bg.wasm"));
  } catch {
    return require("node:zlib").inflateRawSync(Buffer.from(require("./hms_room_codes_wasm.cjs"), "base64"));
  }
}

const api = start(new WebAssembly.Module(wasmBytes()), {
  // Node 18 has no global `crypto`; its own Web Crypto does the same.
  randomValues: globalThis.crypto ? undefined : (array) => require("node:crypto").webcrypto.getRandomValues(array),
  // Clients given no `fetch` send over node:http keep-alive (node-fetch.cjs),
  // never loading Node's much slower global `fetch`.
  fetch: clientFetch(),
});

module.exports = { ...api, keepAliveFetch };
