"use strict";
// hms-room-codes for Node, CommonJS. `import` reaches this same module through
// index.mjs, so a program that mixes both gets one instance and one HmsError.
const glue = require("./hms_room_codes.js");
const { HmsError, isHmsError } = require("./@ERROR_JS@");
const { clientFetch, keepAliveFetch } = require("./node-fetch.cjs");

/** The `fetch` of every client given none: one keep-alive pool per process. */
let defaultFetch;

/** A RoomCodesClient that, given no `fetch`, sends over node:http keep-alive
 * (node-fetch.cjs) rather than through Node's much slower global `fetch`. */
class RoomCodesClient extends glue.RoomCodesClient {
  constructor(options) {
    const plain = options === undefined || options === null || (typeof options === "object" && !Array.isArray(options));
    if (plain && options?.fetch === undefined) {
      defaultFetch ??= clientFetch();
      options = { ...options, fetch: defaultFetch };
    }
    super(options);
  }
}

module.exports = { ...glue, RoomCodesClient, HmsError, isHmsError, keepAliveFetch };
