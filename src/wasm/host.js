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

/** The callbacks waiting on each AbortSignal, behind one listener per signal:
 * Node warns (MaxListenersExceededWarning) past 10 listeners on one signal,
 * and a signal may be shared by any number of calls. */
const aborts = new WeakMap();

/** Calls `callback` once `signal` aborts (at once if it has). */
export function watchAbort(signal, callback) {
  if (signal.aborted) return callback();
  let waiting = aborts.get(signal);
  if (waiting === undefined) {
    waiting = new Set();
    aborts.set(signal, waiting);
    signal.addEventListener(
      "abort",
      () => {
        aborts.delete(signal);
        for (const waiter of waiting) waiter();
      },
      { once: true },
    );
  }
  waiting.add(callback);
}

/** Stops `callback` waiting on `signal`. */
export function unwatchAbort(signal, callback) {
  aborts.get(signal)?.delete(callback);
}
