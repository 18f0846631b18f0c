// A wasm trap (here a Rust panic provoked through the internal, test-only
// export __panicForTests, which no entry point exports) never hangs a caller:
// every pending promise rejects with HmsError kind `internal` naming the
// panic, and every later call says the module cannot be used any more. In its
// own file: node --test runs each file in its own process, and a trap stops
// this process's module for good.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";
import { apiBase, client, hmsError, newRoom, pkg, root } from "./support.mjs";

const glue = createRequire(import.meta.url)(path.join(root, "target/npm/hms-room-codes/hms_room_codes.cjs"));

test("a panic rejects every pending call with kind internal, and every later call", async () => {
  const room = await newRoom();
  const working = client();
  const [code] = await working.create(room);
  const listing = working.list(room);
  assert.equal((await listing.next()).done, false);

  let sent;
  const stalled = client({ fetch: () => new Promise((resolve) => (sent = resolve)) });
  const waiting = stalled.createForRole(room, "guest");
  const panicking = client({ fetch: () => glue.__panicForTests("provoked by trap.test.mjs") });
  const [first, second] = await Promise.all([hmsError(panicking.create(room)), hmsError(waiting)]);
  for (const error of [first, second]) {
    assert.equal(error.kind, "internal");
    assert.match(error.message, /panicked at .*provoked by trap\.test\.mjs.*restart the process or reload the page/);
    assert.ok(error.cause instanceof WebAssembly.RuntimeError);
  }
  assert.equal(typeof sent, "function");

  for (const later of [
    () => working.setEnabled(code.code, false),
    () => working.listPage(room),
    () => listing.next(),
    () => stalled.authTokenForCode(code.code),
  ]) {
    assert.equal((await hmsError(later())).kind, "internal");
  }
  for (const sync of [() => client(), () => pkg.roomLink({ subdomain: "a", code: code.code }), () => working.list(room)]) {
    assert.throws(sync, (error) => pkg.isHmsError(error) && error.kind === "internal");
  }
  assert.doesNotThrow(() => working.free());
  assert.ok(apiBase);
});
