/** Options of `keepAliveFetch`. */
export interface KeepAliveFetchOptions {
  /** The largest response body read; a larger one rejects (default: the cap of
   * the client calling it, its `maxResponseBytes`, else 4 MiB). */
  maxResponseBytes?: number;
  /** The most connections per host (default: unbounded). */
  maxSockets?: number;
}

/**
 * Node only: a `fetch` over `node:http` / `node:https` with keep-alive agents,
 * much cheaper per request than Node's global `fetch`. A `RoomCodesClient` in
 * Node given no `fetch` already sends over the same kind of pool (without
 * building `Response` objects); pass one of these to size the pool, or use it
 * elsewhere. Bodies are read whole (up to `maxResponseBytes`) before the
 * `Response` resolves; redirects are never followed.
 */
export declare function keepAliveFetch(options?: KeepAliveFetchOptions): typeof fetch;
