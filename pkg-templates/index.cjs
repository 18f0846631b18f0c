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

/** Fills `array` with random bytes from the operating system: read from
 * /dev/urandom with `fs`, which is loaded already, where that file is there
 * and may be read; else from Web Crypto (`node:crypto`'s, which Node 18 has
 * too). Loading Web Crypto costs about 3 ms of a cold start. Deno is never
 * asked for the file, since that would raise its permission prompt. */
function randomValues(array) {
  if (globalThis.Deno === undefined) {
    try {
      const fd = fs.openSync("/dev/urandom", "r");
      try {
        for (let at = 0; at < array.length; ) {
          const read = fs.readSync(fd, array, at, array.length - at, null);
          if (read === 0) throw new Error("/dev/urandom ended");
          at += read;
        }
        return array;
      } finally {
        fs.closeSync(fd);
      }
    } catch {}
  }
  return require("node:crypto").webcrypto.getRandomValues(array);
}

const api = start(new WebAssembly.Module(wasmBytes()), {
  randomValues,
  // Clients given no `fetch` send over node:http keep-alive (node-fetch.cjs),
  // never loading Node's much slower global `fetch`. Not in Bun, whose own
  // `fetch` is 2-3x faster than its node:http (bench/NOTES.md).
  fetch: globalThis.Bun === undefined ? clientFetch() : undefined,
});

module.exports = { ...api, keepAliveFetch };
