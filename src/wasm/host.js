// What the wasm layer asks of the JS runtime (see host.rs): environment
// variables, a place for a panic's message, the watching of abort signals,
// and one attempt over a standard `fetch`, bounded (boundedFetch).

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

/** The pending deadlines of attempts, by their timeout in ms: a queue in
 * order (attempts of one timeout end in the order they began) behind one
 * timer, instead of a timer per attempt. The timer stays set while the queue
 * is empty, unreferenced (it keeps no process alive), so that calls made one
 * after another set no timer each. */
const deadlines = new Map();

/** Whether attempts share timers: only where a timer is an object that can
 * be unreferenced (Node, Deno, Bun). A browser's timers cost little, and a
 * Worker's belong to the request that set them. Known at the first attempt. */
let sharedTimers;

/** Calls `fire` in `ms` unless the returned entry is cancelled first. */
function deadline(ms, fire) {
  if (sharedTimers === undefined) {
    const probe = setTimeout(() => {}, 0);
    sharedTimers = typeof probe?.unref === "function";
    clearTimeout(probe);
  }
  if (!sharedTimers) return { own: setTimeout(fire, ms) };
  let queue = deadlines.get(ms);
  if (queue === undefined) deadlines.set(ms, (queue = { entries: [], first: 0, timer: undefined }));
  const entry = { at: performance.now() + ms, fire, queue };
  if (queue.first === queue.entries.length) hold(queue.timer, true);
  queue.entries.push(entry);
  if (queue.timer === undefined) arm(queue);
  return entry;
}

/** Cancels `entry`; once nothing waits in its queue, the timer keeps no process alive. */
function cancel(entry) {
  if (entry.own !== undefined) return clearTimeout(entry.own);
  entry.fire = undefined;
  const { queue } = entry;
  if (queue.entries[queue.first] !== entry) return;
  drop(queue);
  if (queue.first === queue.entries.length) hold(queue.timer, false);
}

/** Makes `timer` keep the process alive, or not. */
function hold(timer, alive) {
  if (timer !== undefined) alive ? timer.ref() : timer.unref();
}

/** Drops the cancelled entries at the front of `queue`. */
function drop(queue) {
  const { entries } = queue;
  while (queue.first < entries.length && entries[queue.first].fire === undefined) queue.first += 1;
  if (queue.first === entries.length) (entries.length = 0), (queue.first = 0);
  else if (queue.first > 1024 && queue.first * 2 > entries.length) (queue.entries = entries.slice(queue.first)), (queue.first = 0);
}

/** Sets `queue`'s timer for its first live entry, if any. */
function arm(queue) {
  drop(queue);
  const head = queue.entries[queue.first];
  queue.timer = head === undefined ? undefined : setTimeout(() => expire(queue), Math.max(0, head.at - performance.now()));
}

/** Fires every entry of `queue` that is due, then sets the timer again. */
function expire(queue) {
  const now = performance.now();
  for (let entry; (entry = queue.entries[queue.first]) !== undefined && (entry.fire === undefined || entry.at <= now); ) {
    queue.first += 1;
    const fire = entry.fire;
    entry.fire = undefined;
    fire?.();
  }
  arm(queue);
}

/** A TypeError like the one `fetch` rejects with, its cause of `code`. */
const failed = (code, message) => new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });

/**
 * `fetch` (the global one, looked up at each call, when `undefined`) made to
 * answer as the package's Node fetch does, so that the wasm crosses into JS
 * once per attempt: `(url, init, limits) => Promise<{ status, head, body }>`
 * where `init` is what `startAttempt` makes, `head` the response headers
 * named in `headerNames` (`"name\n…"`: the ones the core reads; asking for
 * each is far quicker in Deno than going through them all) as
 * `"name\nvalue\n…"`, and `body` the bytes. The attempt gives
 * up after `limits.timeoutMs` (rejecting with `timeoutCode`), reads at most
 * `limits.maxResponseBytes` (else rejects with `tooLargeCode`), and stops at
 * once when `init.signal` aborts, even when `fetch` ignores its signal.
 */
export function boundedFetch(fetch, timeoutCode, tooLargeCode, headerNames) {
  const names = headerNames.split("\n");
  return (url, init, limits) =>
    new Promise((resolve, reject) => {
      const { signal } = init;
      const controller = new AbortController();
      let timer;
      const settle = (then) => (value) => {
        if (timer === null) return;
        if (timer !== undefined) cancel(timer);
        timer = null;
        if (signal) unwatchAbort(signal, onAbort);
        then(value);
      };
      resolve = settle(resolve);
      reject = settle(reject);
      const stop = (error) => {
        reject(error);
        controller.abort();
      };
      const onAbort = () => stop(signal.reason);
      if (signal) watchAbort(signal, onAbort);
      if (timer === null) return;
      const ms = limits.timeoutMs;
      timer = deadline(ms, () => stop(failed(timeoutCode, `no response within ${ms} ms`)));
      const run = fetch ?? globalThis.fetch;
      if (typeof run !== "function") return reject(new TypeError("no global fetch; pass options.fetch"));
      const request = { method: init.method, headers: init.headers, redirect: "manual", signal: controller.signal };
      if (init.body !== undefined) request.body = init.body;
      new Promise((ok) => ok(run(url, request, limits)))
        .then((response) => read(response, names, limits.maxResponseBytes, tooLargeCode, () => timer === null))
        .then(resolve, reject);
    });
}

/** Starts one attempt of the wasm's: `fetch(url, init, limits)`, as a
 * promise. `head` is `"METHOD url"`, followed, when `headers` is undefined,
 * by the headers as lines `\nname\nvalue…` (the request crosses from wasm
 * as one string); else `headers` are pairs. `init` is `{ method, headers,
 * redirect: "manual", signal?, body? }`. */
export function startAttempt(fetch, head, headers, body, signal, limits) {
  let line = head;
  if (headers === undefined) {
    const lines = head.split("\n");
    line = lines[0];
    headers = {};
    for (let i = 1; i + 1 < lines.length; i += 2) headers[lines[i]] = lines[i + 1];
  }
  const space = line.indexOf(" ");
  const init = { method: line.slice(0, space), headers, redirect: "manual" };
  if (signal !== undefined) init.signal = signal;
  if (body !== undefined) init.body = body;
  return Promise.resolve(fetch(line.slice(space + 1), init, limits));
}

/** Whether a body's reader beats its `arrayBuffer()`, even when its length is
 * known: in Node (undici copies the whole body once more for `arrayBuffer()`:
 * a 19 KB body takes 77 µs, against 27 µs read in chunks), not in Deno or Bun
 * (52 against 57 µs, 4.5 against 8.6 µs). */
const READER_FASTER = globalThis.Deno === undefined && globalThis.Bun === undefined && typeof globalThis.process?.versions?.node === "string";

/** `{ status, head, body }` of `response`: the headers `names` it has, its
 * body read up to `cap` bytes; `over()` says whether the attempt has ended
 * meanwhile (stop reading). */
async function read(response, names, cap, tooLargeCode, over) {
  const tooLarge = () => failed(tooLargeCode, "the response body is over the size cap");
  let head = "";
  const add = (name, value) => (head += `${head === "" ? "" : "\n"}${name}\n${value}`);
  const headers = response.headers;
  try {
    if (typeof Headers === "function" && headers instanceof Headers) {
      for (const name of names) {
        const value = headers.get(name);
        if (value !== null) add(name, value);
      }
    } else if (headers !== null && typeof headers === "object") {
      // A custom fetch's headers (a Map, a plain object): names in any case.
      const entries = typeof headers.entries === "function" ? headers.entries() : Object.entries(headers);
      for (const [key, value] of entries) {
        const name = String(key).toLowerCase();
        if (names.includes(name) && value !== null && value !== undefined) add(name, value);
      }
    }
  } catch {}
  const body = response.body;
  let bytes;
  if (body === null || body === undefined) bytes = new Uint8Array(0);
  else if (body instanceof Uint8Array) bytes = body;
  else {
    const length = Number(response.headers?.get?.("content-length") ?? NaN);
    if (length > cap) {
      body.cancel?.().catch(() => {});
      throw tooLarge();
    }
    if (typeof body.getReader !== "function" || (length >= 0 && !READER_FASTER)) bytes = new Uint8Array(await response.arrayBuffer());
    else bytes = await stream(body.getReader(), cap, tooLarge, over);
  }
  if (bytes.length > cap) throw tooLarge();
  return { status: response.status, head, body: bytes };
}

/** A body of unknown length, chunk by chunk, stopping at `cap`. */
async function stream(reader, cap, tooLarge, over) {
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (over()) return reader.cancel().catch(() => {}), new Uint8Array(0);
    size += value.length;
    if (size > cap) {
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) bytes.set(chunk, at), (at += chunk.length);
  return bytes;
}
