"use strict";
// Node only: requests over node:http / node:https with keep-alive agents.
// Node's global `fetch` (undici) costs far more per request and ~20 ms to load.
//   keepAliveFetch()  a `fetch` answering real `Response` objects, for anyone
//   clientFetch()     what a RoomCodesClient given no `fetch` uses: the same
//                     requests, headers passed as one string each way and
//                     answered with the least the client reads, so that
//                     undici is never loaded
// The body cap and the code of its refusal are the core's: a client passes its
// cap as fetch's third argument, and the module (hms_room_codes.cjs, started
// by then) names the default cap and the code.
const http = require("node:http");
const core = require("./hms_room_codes.cjs");
/** Statuses whose response has no body, which `new Response` insists on. */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** A TypeError like the one `fetch` rejects with, its cause `error`. */
const fetchFailed = (error) => new TypeError("fetch failed", { cause: error });

/** A function sending one request, `(input, init, limits) => Promise<{ status,
 * statusText, rawHeaders, body }>`, over keep-alive agents made on first use
 * (node:https is loaded only for an https URL). A body stops at
 * `options.maxResponseBytes`, else at the calling client's cap
 * (`limits.maxResponseBytes`), else at the core's default. Given
 * `limits.timeoutMs` (a client's own fetch is), the request gives up after
 * that long, rejecting with the core's timeout code. */
function sender(options) {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? Infinity };
  const modules = { "http:": () => http, "https:": () => require("node:https") };
  const agents = {};
  return (input, init, limits) =>
    new Promise((resolve, reject) => {
      // What throws before the request exists (a URL Node cannot parse, a
      // header value it refuses) rejects as fetch does, with it as the cause.
      try {
        send(input, init, limits, resolve, reject);
      } catch (error) {
        reject(fetchFailed(error));
      }
    });

  function send(input, init, limits, resolve, reject) {
    const limit = options.maxResponseBytes ?? limits?.maxResponseBytes ?? core.__defaultMaxResponseBytes();
    const url = new URL(String(input));
    const module = modules[url.protocol]?.();
    if (!module) {
      const error = Object.assign(new Error(`unsupported protocol ${url.protocol}`), { code: "ERR_INVALID_PROTOCOL" });
      return reject(fetchFailed(error));
    }
    // Through the proxy the core picked for this URL (`limits.proxy`), if any.
    const proxy = limits?.proxy;
    const agentKey = proxy === undefined ? url.protocol : `${url.protocol} ${proxy}`;
    agents[agentKey] ??= proxy === undefined ? new module.Agent(agentOptions) : proxyAgent(url.protocol, new URL(proxy), agentOptions);
    const headers = {};
    if (typeof init.headers === "string") {
      // A client's own call: "name\nvalue\nname\nvalue" (one string across the wasm boundary).
      const parts = init.headers.split("\n");
      for (let i = 0; i + 1 < parts.length; i += 2) headers[parts[i]] = parts[i + 1];
    } else {
      for (const [name, value] of init.headers instanceof Map || Array.isArray(init.headers)
        ? init.headers
        : Object.entries(init.headers ?? {})) {
        headers[name] = value;
      }
    }
    const signal = init.signal ?? undefined;
    // Plain http through a proxy asks the proxy for the whole URL.
    const requestOptions = { method: init.method ?? "GET", headers, agent: agents[agentKey] };
    let request;
    if (proxy !== undefined && url.protocol === "http:") {
      const via = new URL(proxy);
      Object.assign(headers, proxyAuthorization(via));
      request = http.request({ ...proxyAddress(via), path: url.href, ...requestOptions });
    } else {
      request = module.request(url, requestOptions);
    }
    // The signal is watched here, not given to request(): Node would then
    // track the stream's end on every request, which costs more than this.
    const abort = () => request.destroy(Object.assign(new Error("The operation was aborted"), { name: "AbortError" }));
    // One listener per signal however many requests share it (core.watchAbort).
    if (signal) core.watchAbort(signal, abort);
    const timeoutMs = limits?.timeoutMs;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            reject(fetchFailed(Object.assign(new Error(`no response within ${timeoutMs} ms`), { code: core.__timeoutCode() })));
            request.destroy();
          }, timeoutMs);
    const settled = (settle) => (value) => {
      clearTimeout(timer);
      if (signal) core.unwatchAbort(signal, abort);
      settle(value);
    };
    resolve = settled(resolve);
    reject = settled(reject);
    request.on("error", (error) => reject(error.name === "AbortError" ? signal.reason ?? error : fetchFailed(error)));
    request.on("response", (response) => {
      const chunks = [];
      let size = 0;
      response.on("data", (chunk) => {
        size += chunk.length;
        if (size <= limit) return chunks.push(chunk);
        request.destroy();
        const error = Object.assign(new Error(`the response body is over ${limit} bytes`), { code: core.__bodyTooLargeCode() });
        reject(fetchFailed(error));
      });
      response.on("error", (error) => reject(fetchFailed(error)));
      response.on("end", () =>
        resolve({
          status: response.statusCode,
          statusText: response.statusMessage,
          rawHeaders: response.rawHeaders,
          body: Buffer.concat(chunks, size),
        }),
      );
    });
    request.end(init.body ?? undefined);
  }
}

/** Where `proxy` listens, for node:http. */
const proxyAddress = (proxy) => ({ host: proxy.hostname.replace(/^\[|\]$/g, ""), port: Number(proxy.port || 80) });

/** The `Proxy-Authorization` header of `proxy`'s user info, if it has one. */
function proxyAuthorization(proxy) {
  if (proxy.username === "") return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { "proxy-authorization": `Basic ${Buffer.from(credentials).toString("base64")}` };
}

/** A keep-alive agent sending through the HTTP `proxy`: https through a
 * CONNECT tunnel, TLS running end to end inside it. */
function proxyAgent(protocol, proxy, agentOptions) {
  // Plain http goes to the proxy itself (see `send`): its connections are to the proxy.
  if (protocol === "http:") return new http.Agent(agentOptions);
  const auth = proxyAuthorization(proxy);
  const at = proxyAddress(proxy);
  const https = require("node:https");
  const tls = require("node:tls");
  const agent = new https.Agent(agentOptions);
  agent.createConnection = (options, done) => {
    const target = `${options.host}:${options.port}`;
    const connect = http.request({ ...at, method: "CONNECT", path: target, headers: { host: target, ...auth } });
    connect.on("connect", (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        return done(Object.assign(new Error(`the proxy refused the tunnel: HTTP ${response.statusCode}`), { code: "ECONNREFUSED" }));
      }
      done(null, tls.connect({ ...options, socket, servername: options.servername ?? options.host }));
    });
    connect.on("error", done);
    connect.end();
  };
  return agent;
}

/** A keep-alive `fetch`; `options.maxResponseBytes` bounds a body (default:
 * the calling client's cap), `options.maxSockets` the connections per host
 * (default unbounded). Plain objects, arrays of pairs and `Headers` are all
 * taken as `init.headers`. */
function keepAliveFetch(options = {}) {
  const send = sender(options);
  return (input, init = {}, limits) =>
    send(input, { ...init, headers: init.headers instanceof Headers ? [...init.headers] : init.headers }, limits).then(
      ({ status, statusText, rawHeaders, body }) => {
        const headers = new Headers();
        for (let i = 0; i < rawHeaders.length; i += 2) headers.append(rawHeaders[i], rawHeaders[i + 1]);
        return new Response(NULL_BODY.has(status) ? null : body, { status, statusText, headers });
      },
    );
}

/** The fetch of a client given none: its headers come as one string, "name\n
 * value\n…", and it answers the least the client reads: the status, the
 * response headers as one string of the same form (`head`), and the body bytes. */
function clientFetch() {
  const send = sender({});
  return (input, init = {}, limits) =>
    send(input, init, limits).then(({ status, rawHeaders, body }) => ({ status, head: rawHeaders.join("\n"), body }));
}

module.exports = { keepAliveFetch, clientFetch };
