// What the wasm layer asks of the JS runtime beyond fetch and timers (see
// host.rs): environment variables, and a place for a panic's message.

/** The message of the last Rust panic, kept for the error after the abort. */
let panicMessage;

/** Keeps what a Rust panic said; the module aborts right after. */
export function notePanic(message) {
  panicMessage = message;
}

/** What the last Rust panic said, if one happened. */
export function lastPanic() {
  return panicMessage;
}

/** The environment variable `name`: from `Deno.env` in Deno, `process.env` in
 * Node and Bun; `undefined` when unset. Throws a message where the runtime
 * has no environment or denies it. */
export function envVar(name) {
  const deno = globalThis.Deno;
  if (deno?.env) {
    try {
      return deno.env.get(name);
    } catch (error) {
      throw `fromEnv cannot read ${name}: ${error?.message ?? error} (run Deno with --allow-env)`;
    }
  }
  // A page has no environment, whatever a bundler defines as `process.env`.
  const env = typeof document === "undefined" ? globalThis.process?.env : undefined;
  if (env !== null && typeof env === "object") return env[name];
  throw "fromEnv reads HMS_* environment variables, which this runtime does not have (a browser page or a worker): pass the options to new RoomCodesClient() instead";
}
