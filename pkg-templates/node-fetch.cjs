"use strict";
// keepAliveFetch (Node only): a `fetch` over node:http / node:https with
// keep-alive agents. Node's global `fetch` costs far more per request; this
// one is what a RoomCodesClient in Node uses when no `fetch` is given.
const http = require("node:http");
const https = require("node:https");

/** The body size past which a response is refused: the client's own cap. */
const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Statuses whose response has no body, which `new Response` insists on. */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** A TypeError like the one `fetch` rejects with, the cause carrying `code`. */
function fetchFailed(message, code) {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });
}

/** A keep-alive `fetch`; `options.maxResponseBytes` bounds a body (default 4 MiB),
 * `options.maxSockets` the connections per host (default unbounded). */
function keepAliveFetch(options = {}) {
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? Infinity };
  const agents = { "http:": new http.Agent(agentOptions), "https:": new https.Agent(agentOptions) };
  return function fetch(input, init = {}) {
    return new Promise((resolve, reject) => {
      const url = new URL(String(input));
      const agent = agents[url.protocol];
      if (!agent) return reject(new TypeError(`fetch failed: unsupported protocol ${url.protocol}`));
      const headers = {};
      for (const [name, value] of new Headers(init.headers)) headers[name] = value;
      const send = url.protocol === "https:" ? https.request : http.request;
      const request = send(url, { method: init.method ?? "GET", headers, agent, signal: init.signal ?? undefined });
      request.on("error", (error) =>
        reject(error.name === "AbortError" ? init.signal.reason ?? error : new TypeError("fetch failed", { cause: error })),
      );
      request.on("response", (response) => {
        const chunks = [];
        let size = 0;
        response.on("data", (chunk) => {
          size += chunk.length;
          if (size > limit) {
            request.destroy();
            reject(fetchFailed(`the response body is over ${limit} bytes`, "HMS_BODY_TOO_LARGE"));
          } else chunks.push(chunk);
        });
        response.on("error", (error) => reject(new TypeError("fetch failed", { cause: error })));
        response.on("end", () => {
          const status = response.statusCode;
          const raw = response.rawHeaders;
          const headers = new Headers();
          for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
          const body = NULL_BODY.has(status) ? null : Buffer.concat(chunks, size);
          resolve(new Response(body, { status, statusText: response.statusMessage, headers }));
        });
      });
      request.end(init.body ?? undefined);
    });
  };
}

module.exports = { keepAliveFetch };
