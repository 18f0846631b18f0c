// Retries with Retry-After, timeouts, AbortSignal, and many calls at once.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import net from "node:net";
import { beforeEach, test } from "node:test";
import { apiBase, clean, client, fault, hmsError, newRoom, requests, root, token } from "./support.mjs";

beforeEach(clean);

const listPath = (room) => `/v2/room-codes/room/${room}`;

/** Whether `promise` rejects with an AbortError (the signal's reason) within `ms`. */
async function abortsWithin(promise, ms) {
  const started = Date.now();
  await assert.rejects(promise, { name: "AbortError" });
  assert.ok(Date.now() - started < ms, `rejected after ${Date.now() - started} ms`);
}

test("a 429 is retried after its Retry-After, in seconds or as a date", async () => {
  const room = await newRoom();
  await fault({ path: listPath(room), status: 429, retry_after: "1" });
  let started = Date.now();
  await client().listPage(room);
  assert.ok(Date.now() - started >= 900);
  await fault({ path: listPath(room), status: 429, retry_after: new Date(Date.now() + 2000).toUTCString() });
  started = Date.now();
  await client().listPage(room);
  assert.ok(Date.now() - started >= 900);
  assert.equal((await requests("GET", listPath(room))).length, 4);
});

test("5xx is retried for a listing but never for create", async () => {
  const room = await newRoom();
  await fault({ path: listPath(room), method: "GET", status: 503 });
  assert.equal((await client().listPage(room)).data.length, 0);
  await fault({ path: listPath(room), method: "POST", status: 503 });
  assert.equal((await hmsError(client().create(room))).kind, "server");
  assert.equal((await requests("POST", listPath(room))).length, 1);
});

test("the client's timeoutMs bounds each attempt; a call's timeoutMs replaces it", async () => {
  const room = await newRoom();
  await fault({ path: listPath(room), delay_ms: 1000 });
  const slow = await hmsError(client({ timeoutMs: 150, maxRetries: 0 }).listPage(room));
  assert.equal(slow.kind, "timeout");
  assert.match(slow.message, /150 ms/);
  await fault({ path: listPath(room), delay_ms: 1000 });
  const call = await hmsError(client({ maxRetries: 0 }).listPage(room, {}, { timeoutMs: 120 }));
  assert.equal(call.kind, "timeout");
  assert.match(call.message, /120 ms/);
  await fault({ path: listPath(room), delay_ms: 300 });
  assert.ok(await client({ timeoutMs: 100 }).listPage(room, {}, { timeoutMs: 2000 }));
});

test("an aborted signal rejects at once, before any request", async () => {
  const room = await newRoom();
  await abortsWithin(client().create(room, { signal: AbortSignal.abort() }), 50);
  assert.equal((await requests("POST", listPath(room))).length, 0);
});

test("an abort during the request rejects promptly with the reason", async () => {
  const room = await newRoom();
  await fault({ path: listPath(room), delay_ms: 1500 });
  const controller = new AbortController();
  const pending = client().listPage(room, {}, { signal: controller.signal });
  setTimeout(() => controller.abort(), 100);
  await abortsWithin(pending, 1000);
  const reason = new Error("changed my mind");
  await assert.rejects(client().create(room, { signal: AbortSignal.abort(reason) }), (e) => e === reason);
});

test("an abort ends the attempt on the wire: the server sees its connection closed", async (t) => {
  // A server that reads requests and never answers; each connection's close is timed.
  const closed = [];
  const server = net.createServer((socket) => {
    socket.resume();
    socket.on("close", () => closed.push(Date.now()));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}/v2`;
  const controller = new AbortController();
  const pending = client({ baseUrl: base, authBaseUrl: base, timeoutMs: 10000 }).listPage("room", {}, {
    signal: controller.signal,
  });
  setTimeout(() => controller.abort(), 200);
  await abortsWithin(pending, 1200);
  const aborted = Date.now();
  while (closed.length === 0 && Date.now() - aborted < 2000) await new Promise((r) => setTimeout(r, 10));
  assert.equal(closed.length, 1, "the connection is still open 2 s after the abort");
  t.diagnostic(`the server saw the connection closed ${closed[0] - aborted} ms after the call rejected`);
});

test("an abort during the wait between attempts rejects promptly", async () => {
  const room = await newRoom();
  await fault({ path: listPath(room), status: 429, retry_after: "5" });
  const controller = new AbortController();
  const pending = client().listPage(room, {}, { signal: controller.signal });
  setTimeout(() => controller.abort(), 200);
  await abortsWithin(pending, 1500);
});

test("an abort stops a listing, and a custom fetch that ignores the signal", async () => {
  const room = await newRoom();
  await client().create(room);
  await fault({ path: listPath(room), delay_ms: 1500 });
  const controller = new AbortController();
  const deaf = (url, init) => fetch(url, { ...init, signal: undefined });
  const listing = client({ fetch: deaf }).list(room, {}, { signal: controller.signal });
  setTimeout(() => controller.abort(), 100);
  await abortsWithin(listing.next(), 1000);
  assert.equal((await listing.next()).done, true);
});

test("through a given fetch that ignores its signal, each attempt times out at its own timeoutMs", async () => {
  const room = await newRoom();
  const deaf = (url, init) => fetch(url, { ...init, signal: undefined });
  const c = client({ fetch: deaf, maxRetries: 0, timeoutMs: 250 });
  await fault({ path: listPath(room), delay_ms: 1500, count: 3 });
  const started = Date.now();
  const [first, second, longer] = await Promise.all([
    hmsError(c.listPage(room)),
    new Promise((r) => setTimeout(r, 100)).then(() => hmsError(c.listPage(room))),
    hmsError(c.listPage(room, {}, { timeoutMs: 600 })),
  ]);
  for (const [error, ms] of [[first, 250], [second, 250], [longer, 600]]) {
    assert.equal(error.kind, "timeout");
    assert.match(error.message, new RegExp(`${ms} ms`));
  }
  // Each at its own deadline, not the first one's: the whole took ~600 ms, not 1500.
  assert.ok(Date.now() - started < 1400, `took ${Date.now() - started} ms`);
  // The same client answers once the service does.
  assert.equal((await c.listPage(room)).data.length, 0);
});

test("a process whose calls went through a given fetch exits when they are done", async () => {
  const program = `
    const { RoomCodesClient } = require(${JSON.stringify(`${root}/target/npm/hms-room-codes/index.cjs`)});
    const client = new RoomCodesClient({ managementToken: ${JSON.stringify(token)}, baseUrl: ${JSON.stringify(apiBase)},
      fetch: globalThis.fetch, timeoutMs: 60000 });
    client.listPage("room-none").then(() => console.log("answered"), (e) => console.log(e.kind));`;
  const child = spawn(process.execPath, ["-e", program], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  const started = Date.now();
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const [status, signal] = await once(child, "exit");
  clearTimeout(timer);
  assert.equal(signal, null, `still running after 20 s (the attempt's timer holds the process): ${output}`);
  assert.equal(status, 0);
  assert.ok(output.trim().length > 0, "the call settled");
  assert.ok(Date.now() - started < 15_000);
});

test("64 concurrent calls on one client all succeed", async () => {
  const room = await newRoom();
  const c = client();
  const made = await Promise.all(Array.from({ length: 64 }, () => c.createForRole(room, "guest")));
  assert.equal(new Set(made.map((m) => m.code)).size, 64);
  const pages = await Promise.all(Array.from({ length: 64 }, () => c.listPage(room, { limit: 100 })));
  assert.ok(pages.every((p) => p.data.length === 64));
});

test("64 concurrent calls in credentials mode share one signed token", async () => {
  const room = await newRoom();
  const c = client({ managementToken: undefined, accessKey: "emulator-access-key", appSecret: "emulator-app-secret" });
  await Promise.all(Array.from({ length: 64 }, () => c.listPage(room)));
  const tokens = new Set((await requests("GET", listPath(room))).map((r) => r.headers.authorization));
  assert.equal(tokens.size, 1);
});
