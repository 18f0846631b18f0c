"use strict";
// Starts the WebAssembly module for every entry point (Node, browsers and
// bundlers, workerd), given the compiled module. Also the guard that keeps a
// trap from hanging anyone: a wasm trap or a Rust panic rejects every pending
// promise with an HmsError of kind `internal`, and every later call gets the
// same error (the module's memory cannot be trusted after a trap).
const glue = require("./hms_room_codes.cjs");

// The names of wasm-bindgen's output used here (`__wbg_set_wasm`, the
// `__wbg_getRandomValues_…` import, `__wbindgen_start`, the closure exports of
// CALLBACK) are checked when the package is built: a wasm-bindgen without them
// fails the build with a message (tools/js/glue-patches.mjs).

/** The import module name the wasm asks for. */
const GLUE = "./hms_room_codes_bg.js";
/** Exports called back from timers, promise reactions and finalizers, never
 * by a user's call: after a trap they do nothing, since throwing there would
 * be an uncaught exception. */
const CALLBACK = /^wasm_bindgen__convert__closures|^__wbindgen_destroy_closure$|_free$/;
/** The promise-returning methods, whose callers must never wait forever,
 * each with what it answers once its object is freed (`undefined`: it
 * rejects): a freed listing is over, so its `nextPage()` is `null`. */
const ASYNC_METHODS = [
  ...["create", "createForRole", "listPage", "setEnabled", "authTokenForCode"].map((m) => [glue.RoomCodesClient, m, undefined]),
  [glue.RoomCodeList, "nextPage", () => null],
];
/** The other methods that need an object of their class, each with what it
 * answers once that object is freed (`undefined`: it throws). */
const SYNC_METHODS = [
  [glue.RoomCodesClient, "list", undefined],
  [glue.RoomCodesClient, "withResponse", undefined],
  [glue.RoomCodesClient, "free", () => undefined],
  [glue.RoomCodeList, "hasMore", () => false],
];
/** A listing's iterator methods (see iterate), which stay safe after free()
 * but need a list: called detached, they fail as the others do. */
const ITERATOR_METHODS = ["next", "return", "free"];

/** Where a client of `withResponse()` keeps the client it came from: freeing
 * that one closes it too. */
const ORIGIN = Symbol("origin");

/** The error of every call once the module has trapped. */
let stopped;
/** The reject functions of the promises handed out and not yet settled. */
const pending = new Set();
/** How deep the current call into wasm is nested (wasm → JS → wasm). */
let depth = 0;

/** Records a trap: every pending promise rejects, every later call throws. */
function stop(trap) {
  if (!stopped) {
    const cause = (glue.lastPanic() ?? trap.message).replace(/\s*\n\s*/g, " ");
    stopped = new glue.HmsError(
      "internal",
      `hms-room-codes stopped after an internal error (${cause}); no client of this module can be ` +
        "used any more: restart the process or reload the page, and please report it",
    );
    stopped.cause = trap;
    for (const reject of pending) reject(stopped);
    pending.clear();
  }
  return stopped;
}

/** The wasm exports, each wrapped so that a trap stops the module cleanly. */
function guard(exports) {
  const guarded = {};
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value !== "function") {
      guarded[name] = value;
      continue;
    }
    const callback = CALLBACK.test(name);
    guarded[name] = (...args) => {
      if (stopped) {
        if (callback) return [0, 0, 0];
        throw stopped;
      }
      depth += 1;
      try {
        return value(...args);
      } catch (error) {
        if (!(error instanceof WebAssembly.RuntimeError) && error !== stopped) throw error;
        const failure = stop(error);
        // Nested: unwind the outer wasm frames too. Outermost: a user's call
        // throws (its method rejects); a callback returns quietly.
        if (depth > 1 || !callback) throw failure;
        return [0, 0, 0];
      } finally {
        depth -= 1;
      }
    };
  }
  return guarded;
}

/** A promise settling as `call()`'s does, or rejecting when the module stops. */
function track(call) {
  if (stopped) return Promise.reject(stopped);
  let promise;
  try {
    promise = call();
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    pending.add(reject);
    promise.then(
      (value) => {
        pending.delete(reject);
        resolve(value);
      },
      (error) => {
        pending.delete(reject);
        reject(error);
      },
    );
  });
}

/** Why `self` cannot run `type`'s `method`: it is no such object (the
 * method was called detached, `const f = client.create; f()`), or it was
 * freed; `undefined` when it can. The wasm side would otherwise fail with
 * wasm-bindgen's own words (a null pointer, reading '__wbg_ptr'). */
function unusable(type, method, self) {
  const [name, what] = type === glue.RoomCodesClient ? ["RoomCodesClient", "client"] : ["RoomCodeList", "list"];
  if (!(self instanceof type)) {
    return new glue.HmsError(
      "invalid_argument",
      `${method} was called on something that is not a ${name}: call it as ${what}.${method}(…), or bind it ` +
        `first (${what}.${method}.bind(${what}))`,
    );
  }
  if (!self.__wbg_ptr) return new glue.HmsError("invalid_argument", `${method}: the ${what} is closed (free() was called)`);
  if (self[ORIGIN] && !self[ORIGIN].__wbg_ptr) {
    return new glue.HmsError("invalid_argument", `${method}: the client is closed (free() was called on the client it came from)`);
  }
}

/** Where a list keeps the codes of its current page. */
const LISTING = Symbol("listing");

/** Makes `RoomCodeList` an async iterator: each page comes from wasm as one
 * array (`nextPage()`, `null` at the end) and its codes are handed out here,
 * in order, with no call into wasm per code. Calls to `next()` made while a
 * page is on its way are answered in the order they were made. A listing
 * frees its wasm side as soon as it is over (last page, error or `return()`),
 * not when the garbage collector gets to it; `free()` stays safe to call. */
function iterate(RoomCodeList) {
  const proto = RoomCodeList.prototype;
  const free = proto.free;
  const listing = (list) => (list[LISTING] ??= { codes: [], at: 0, queue: null, over: false, freed: false });
  const done = () => ({ value: undefined, done: true });
  /** Ends the listing and frees its wasm side (codes already here stay). */
  const end = (list, s) => {
    s.over = true;
    if (!s.freed) (s.freed = true), free.call(list);
  };
  proto.free = function () {
    const s = listing(this);
    end(this, s);
    (s.codes = []), (s.at = 0);
  };
  if (typeof Symbol.dispose === "symbol") proto[Symbol.dispose] = proto.free;
  proto.next = function () {
    if (stopped) return Promise.reject(stopped);
    const s = listing(this);
    if (s.queue === null && s.at < s.codes.length) return Promise.resolve({ value: s.codes[s.at++], done: false });
    const step = async () => {
      while (s.at >= s.codes.length) {
        if (s.over) return done();
        let codes;
        try {
          codes = await this.nextPage();
        } catch (error) {
          end(this, s);
          throw error;
        }
        if (s.over) return done();
        if (codes !== null) (s.codes = codes), (s.at = 0);
        // The last page ends the listing here, with no call for an empty one.
        if (codes === null || !this.hasMore()) end(this, s);
      }
      return { value: s.codes[s.at++], done: false };
    };
    const queued = s.queue === null ? step() : s.queue.then(step, step);
    const settled = () => {
      if (s.queue === queued) s.queue = null;
    };
    s.queue = queued;
    queued.then(settled, settled);
    return queued;
  };
  proto.return = function () {
    this.free();
    return Promise.resolve(done());
  };
  proto[Symbol.asyncIterator] = function () {
    return this;
  };
}

/**
 * Instantiates `module` (a compiled `WebAssembly.Module`) and returns the
 * package's API. `options.randomValues` replaces `crypto.getRandomValues` where
 * the runtime has no global one (Node 18); `options.fetch` is the `fetch` of a
 * client given none.
 */
function start(module, options = {}) {
  const imports = { ...glue };
  if (options.randomValues) {
    for (const name of Object.keys(imports).filter((n) => n.startsWith("__wbg_getRandomValues_"))) {
      imports[name] = (pointer, length) => options.randomValues(new Uint8Array(instance.exports.memory.buffer, pointer, length));
    }
  }
  const instance = new WebAssembly.Instance(module, { [GLUE]: imports });
  glue.__wbg_set_wasm(guard(instance.exports));
  instance.exports.__wbindgen_start();
  if (options.fetch) glue.__setDefaultFetch(options.fetch);
  iterate(glue.RoomCodeList);
  for (const [type, method, whenFreed] of ASYNC_METHODS) {
    const call = type.prototype[method];
    type.prototype[method] = function (...args) {
      const error = unusable(type, method, this);
      if (!error) return track(() => call.apply(this, args));
      return whenFreed && this instanceof type ? Promise.resolve(whenFreed()) : Promise.reject(error);
    };
  }
  for (const [type, method, whenFreed] of SYNC_METHODS) {
    const call = type.prototype[method];
    type.prototype[method] = function (...args) {
      const error = unusable(type, method, this);
      if (!error) return call.apply(this, args);
      if (whenFreed && this instanceof type) return whenFreed();
      throw error;
    };
  }
  const withResponse = glue.RoomCodesClient.prototype.withResponse;
  glue.RoomCodesClient.prototype.withResponse = function () {
    const view = withResponse.call(this);
    view[ORIGIN] = this[ORIGIN] ?? this;
    return view;
  };
  const { RoomCodeList: List } = glue;
  for (const method of ITERATOR_METHODS) {
    const call = List.prototype[method];
    List.prototype[method] = function (...args) {
      if (this instanceof List) return call.apply(this, args);
      const error = unusable(List, method, this);
      if (method === "free") throw error;
      return Promise.reject(error);
    };
  }
  if (typeof Symbol.dispose === "symbol") {
    for (const type of [glue.RoomCodesClient, List]) type.prototype[Symbol.dispose] = type.prototype.free;
  }
  const { RoomCodesClient, RoomCodeList, roomLink, HmsError, isHmsError } = glue;
  return { RoomCodesClient, RoomCodeList, roomLink, HmsError, isHmsError };
}

module.exports = { start };
