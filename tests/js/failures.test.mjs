// What reaches the caller when the server misbehaves or calls share a signal:
// network failures in the project's words (never Node's parser text), a
// doubled Retry-After read by its first value, and one abort listener per
// AbortSignal however many calls share it.
import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import net from "node:net";
import { after, beforeEach, test } from "node:test";
import { apiBase, clean, client, fault, hmsError, newRoom, pkg } from "./support.mjs";

beforeEach(clean);

/** A TCP server on 127.0.0.1 that answers every request with `answer(socket)`; its base URL. */
async function rawServer(answer) {
  const server = net.createServer((socket) => socket.once("data", () => answer(socket)));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  after(() => server.close());
  return `http://127.0.0.1:${server.address().port}/v2`;
}

/** The transports a client can send with in Node. */
const transports = {
  "the default (node:http)": undefined,
  keepAliveFetch: pkg.keepAliveFetch(),
  "the global fetch": (...args) => fetch(...args),
};

/** Words of Node's and undici's own that must not reach a message. */
const RUNTIME_TEXT = /Parse Error|socket hang up|Invalid character|Expected HTTP|HPE_|other side closed|fetch failed|CORS/;

test("a server that breaks HTTP is a network error in our words, with every transport", async () => {
  const servers = [
    ["not HTTP at all", (s) => s.end("HELLO WORLD\r\n\r\n"), "the server's answer is not valid HTTP"],
    ["a bad Content-Length", (s) => s.end("HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n{}"), "the server's answer is not valid HTTP"],
    ["a hang-up", (s) => s.destroy(), "the server closed the connection before answering in full"],
    ["a body cut short", (s) => s.end("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{}"), "the server closed the connection before answering in full"],
  ];
  for (const [what, answer, words] of servers) {
    const baseUrl = await rawServer(answer);
    for (const [name, fetch] of Object.entries(transports)) {
      const c = client({ baseUrl, fetch, maxRetries: 0 });
      const error = await hmsError(c.setEnabled("code", false));
      assert.equal(error.kind, "network", `${what}, ${name}: ${error.message}`);
      assert.equal(error.message, `setEnabled to ${new URL(baseUrl).host} failed: ${words}`, `${what}, ${name}`);
      assert.doesNotMatch(error.message, RUNTIME_TEXT);
    }
  }
});

test("a refused connection and a URL Node cannot parse are told apart, never as a CORS block", async () => {
  const closed = net.createServer();
  await new Promise((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const { port } = closed.address();
  await new Promise((resolve) => closed.close(resolve));
  for (const [name, fetch] of Object.entries(transports)) {
    const refused = await hmsError(client({ baseUrl: `http://127.0.0.1:${port}/v2`, fetch, maxRetries: 0 }).create("r"));
    assert.equal(refused.message, `create to 127.0.0.1:${port} failed: the server refused the connection`, name);
  }
  const parsed = await pkg.keepAliveFetch()("http://[::1]evil.com/v2/rooms").then(() => assert.fail("resolved"), (e) => e);
  assert.equal(parsed.name, "TypeError");
  assert.equal(parsed.cause.code, "ERR_INVALID_URL");
  for (const [name, fetch] of Object.entries(transports)) {
    // Refused when the client is made (the base-URL check), or when sent: never a CORS guess.
    let error;
    try {
      error = await hmsError(client({ baseUrl: "http://[::1]evil.com/v2", fetch, maxRetries: 0 }).create("r"));
      assert.match(error.message, /^create to .* failed: the URL is not valid$/, name);
    } catch (thrown) {
      error = thrown;
      assert.equal(error.kind, "invalid_argument", `${name}: ${error}`);
    }
    assert.doesNotMatch(error.message, RUNTIME_TEXT);
  }
});

test("a Retry-After sent twice reaches a caller's fetch joined, and counts by its first value", async () => {
  const fetch = async () => {
    const headers = new Headers({ "content-type": "application/json" });
    headers.append("retry-after", "2");
    headers.append("retry-after", "1");
    assert.equal(headers.get("retry-after"), "2, 1");
    return new Response('{"code":429,"message":"slow down"}', { status: 429, headers });
  };
  const error = await hmsError(client({ fetch, maxRetries: 0 }).setEnabled("code", false));
  assert.equal(error.kind, "rate_limited");
  assert.equal(error.retryAfterMs, 2000);
});

/** Starts `count` calls sharing `signal`; once they are all waiting (on the
 * network or before a retry), checks the listeners on it, then aborts. */
async function shareOneSignal(count, start) {
  const controller = new AbortController();
  const warnings = [];
  const onWarning = (warning) => warnings.push(warning);
  process.on("warning", onWarning);
  try {
    const calls = Array.from({ length: count }, () => start(controller.signal).then(() => assert.fail("resolved"), (e) => e));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const listeners = getEventListeners(controller.signal, "abort").length;
    const reason = new Error("enough");
    controller.abort(reason);
    const outcomes = await Promise.all(calls);
    await new Promise((resolve) => setImmediate(resolve));
    return { listeners, aborted: outcomes.filter((e) => e === reason).length, warnings: warnings.map(String) };
  } finally {
    process.off("warning", onWarning);
  }
}

test("many calls sharing one AbortSignal put one listener on it, and all stop when it aborts", async () => {
  const room = await newRoom();
  const slow = { path: `/v2/room-codes/room/${room}`, delay_ms: 5000, count: 100 };
  for (const [name, fetch] of Object.entries(transports)) {
    await clean();
    await fault(slow);
    const c = client({ fetch });
    const result = await shareOneSignal(30, (signal) => c.listPage(room, {}, { signal }));
    assert.deepEqual(result, { listeners: 1, aborted: 30, warnings: [] }, name);
  }
  // Waiting before a retry watches the signal the same way.
  const busy = async () => new Response("{}", { status: 429, headers: { "retry-after": "5" } });
  const waiting = client({ fetch: busy, maxRetries: 1 });
  const result = await shareOneSignal(30, (signal) => waiting.setEnabled("code", false, { signal }));
  assert.deepEqual(result, { listeners: 1, aborted: 30, warnings: [] });
  assert.ok(apiBase);
});

test("a custom fetch's headers are read whatever their container and case: Headers, a Map, a plain object", async () => {
  const answers = {
    Headers: new Headers({ "X-Request-Id": "req-1" }),
    Map: new Map([["X-Request-Id", "req-1"]]),
    object: { "X-REQUEST-ID": "req-1", "Content-Type": "text/plain" },
  };
  for (const [name, headers] of Object.entries(answers)) {
    const c = client({ fetch: async () => ({ status: 503, headers, body: null }), maxRetries: 0 });
    const error = await hmsError(c.listPage("room"));
    assert.equal(error.kind, "server", name);
    assert.equal(error.requestId, "req-1", name);
  }
});
