"use strict";
// hms-room-codes for Node (also Deno and Bun, which read the `node` condition),
// CommonJS. `import` reaches this same module through index.mjs, so a program
// that mixes both gets one instance and one HmsError.
//
// The wasm comes from hms_room_codes_wasm.cjs (deflated, base64) rather than a
// file read next to this one, so that a server bundle (esbuild, webpack)
// carries it without any configuration.
const { inflateRawSync } = require("node:zlib");
const { webcrypto } = require("node:crypto");
const { start } = require("./runtime.cjs");
const { clientFetch, keepAliveFetch } = require("./node-fetch.cjs");

const bytes = inflateRawSync(Buffer.from(require("./hms_room_codes_wasm.cjs"), "base64"));
const api = start(new WebAssembly.Module(bytes), {
  // Node 18 has no global `crypto`; its own Web Crypto does the same.
  randomValues: globalThis.crypto ? undefined : (array) => webcrypto.getRandomValues(array),
  // Clients given no `fetch` send over node:http keep-alive (node-fetch.cjs),
  // never loading Node's much slower global `fetch`.
  fetch: clientFetch(),
});

module.exports = { ...api, keepAliveFetch };
