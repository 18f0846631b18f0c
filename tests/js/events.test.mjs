// The event stream through the package: onEvent, logLevel and HMS_LOG at their
// most verbose tell every step and show no secret; errors name the request; a
// call may set its own maxRetries.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { apiBase, clean, control, fault, hmsError, newRoom, pkg, root } from "./support.mjs";

const appKeys = { accessKey: "emulator-access-key", appSecret: "emulator-app-secret" };

/** The JWTs the emulator saw, as sent. */
async function sentTokens() {
  const log = await control("GET", "/_emulator/requests");
  return log.map((r) => r.headers?.authorization ?? "").filter((h) => h.startsWith("Bearer ")).map((h) => h.slice(7));
}

function assertNoSecret(text, tokens) {
  assert.ok(tokens.length > 0, "a signed token was sent");
  for (const secret of [appKeys.appSecret, "eyJ", "Bearer", ...tokens]) {
    assert.ok(!text.includes(secret), `${secret} in:\n${text}`);
  }
}

test("onEvent and logLevel debug tell every step, with request ids, and no secret", async () => {
  await clean();
  const room = await newRoom();
  const events = [];
  const lines = [];
  const console_ = { debug: console.debug, info: console.info };
  console.debug = (line) => lines.push(`debug ${line}`);
  console.info = (line) => lines.push(`info ${line}`);
  try {
    const c = new pkg.RoomCodesClient({ ...appKeys, baseUrl: apiBase, onEvent: (e) => events.push(e), logLevel: "debug" });
    await fault({ method: "GET", path: `/v2/room-codes/room/${room}`, match: "exact", status: 503 });
    await c.listPage(room);
    await fault({ method: "GET", path: `/v2/room-codes/room/${room}`, match: "exact", status: 503, count: 2 });
    const error = await hmsError(c.listPage(room, {}, { maxRetries: 1 }));
    assert.equal(error.kind, "server");
    assert.match(error.requestId, /^emu-\d+$/);
  } finally {
    Object.assign(console, console_);
  }
  const names = events.map((e) => e.name);
  assert.deepEqual(names.slice(0, 6), ["attempt_started", "response", "retry_wait", "attempt_started", "response", "call_ended"]);
  assert.deepEqual(events.slice(0, 6).map((e) => e.level), ["debug", "debug", "info", "debug", "debug", "info"]);
  assert.equal(events.at(-1).level, "warn");
  assert.equal(events[0].operation, "listPage");
  assert.equal(events[0].path, `/v2/room-codes/room/${room}`);
  assert.equal(events[1].status, 503);
  assert.match(events[1].requestId, /^emu-\d+$/);
  assert.equal(events[2].reason, "server_error");
  assert.deepEqual([events[5].result, events[5].attempts], ["ok", 2]);
  const end = events.at(-1);
  assert.deepEqual([end.name, end.result, end.attempts], ["call_ended", "server", 2]);
  assert.ok(lines.includes(`debug ${events[0].line}`) && lines.includes(`info ${end.line}`), lines.join("\n"));
  assertNoSecret(JSON.stringify(events) + lines.join("\n"), await sentTokens());
});

test("HMS_LOG=debug writes readable lines; info leaves out attempts; a bad level is invalid_argument", async () => {
  await clean();
  const room = await newRoom();
  const entry = pathToFileURL(path.join(root, "target/npm/hms-room-codes/index.mjs")).href;
  const script = `const { RoomCodesClient } = await import(${JSON.stringify(entry)});
    await new RoomCodesClient(${JSON.stringify({ ...appKeys, baseUrl: apiBase })}).listPage(${JSON.stringify(room)});`;
  const run = (level) =>
    promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, HMS_LOG: level },
      timeout: 30_000,
    });
  const debug = await run("debug");
  const text = debug.stdout + debug.stderr;
  assert.match(text, /^hms attempt_started operation=listPage attempt=1 method=GET path=\/v2\/room-codes\/room\//m);
  assert.match(text, /^hms response operation=listPage attempt=1 status=200 elapsed_ms=\d+ body_bytes=\d+ request_id=emu-\d+$/m);
  assert.match(text, /^hms call_ended operation=listPage result=ok elapsed_ms=\d+ attempts=1$/m);
  assertNoSecret(text, await sentTokens());
  const info = await run("info");
  assert.doesNotMatch(info.stdout + info.stderr, /attempt_started/);
  assert.match(info.stdout + info.stderr, /call_ended/);
  assert.throws(
    () => new pkg.RoomCodesClient({ logLevel: "loud" }),
    (e) => e.kind === "invalid_argument" && /logLevel/.test(e.message),
  );
});
