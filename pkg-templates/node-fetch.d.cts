/** Options of `keepAliveFetch`. */
export interface KeepAliveFetchOptions {
  /** The largest response body read; a larger one rejects (default 4 MiB, the client's cap). */
  maxResponseBytes?: number;
  /** The most connections per host (default: unbounded). */
  maxSockets?: number;
}

/**
 * Node only: a `fetch` over `node:http` / `node:https` with keep-alive agents,
 * several times cheaper per request than Node's global `fetch`. A
 * `RoomCodesClient` in Node uses one (shared) when given no `fetch`; pass your
 * own to size its pool. Bodies are read whole (up to `maxResponseBytes`) before
 * the `Response` resolves; redirects are never followed.
 */
export declare function keepAliveFetch(options?: KeepAliveFetchOptions): typeof fetch;
