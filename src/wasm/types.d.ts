/** What went wrong: the same names in every binding of hms-room-codes. */
export type HmsErrorKind =
  | "invalid_argument"
  | "unauthorized"
  | "room_disabled"
  | "forbidden"
  | "room_not_found"
  | "role_not_found"
  | "code_not_found"
  | "not_found"
  | "bad_request"
  | "rate_limited"
  | "server"
  | "unexpected_status"
  | "timeout"
  | "network"
  | "decode"
  | "internal";

/**
 * The error every operation rejects with (except an abort, which rejects with
 * the `AbortSignal`'s reason, as `fetch` does). A real `Error`, with a stack.
 */
export class HmsError extends Error {
  constructor(
    kind: HmsErrorKind,
    message: string,
    extra?: { status?: number; details?: string[]; retryAfterMs?: number; requestId?: string },
  );
  /** Always `"HmsError"`. */
  readonly name: "HmsError";
  /** What went wrong. */
  readonly kind: HmsErrorKind;
  /** The HTTP status of the response, if one came back. */
  readonly status: number | undefined;
  /** The service's `details` (empty when it sent none). */
  readonly details: string[];
  /** The wait the service asked for with `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** The id the service gave the request (its `X-Request-Id`), for a support ticket. */
  readonly requestId: string | undefined;
}

/** Whether `value` is an `HmsError`. */
export function isHmsError(value: unknown): value is HmsError;

/** One room code, with the service's keys; timestamps are RFC 3339 strings. */
export interface RoomCode {
  code: string;
  room_id: string;
  role: string;
  enabled: boolean;
  /** When the code was created (RFC 3339), or null if the service did not say. */
  created_at: string | null;
  /** When the code was last changed (RFC 3339), or null if the service did not say. */
  updated_at: string | null;
}

/** A client auth token from `authTokenForCode`. The token is left out of what
 * prints the object (console.log, JSON.stringify, String(), spreading): read
 * `token` to use it. */
export interface AuthToken {
  /** The token (a JWT) a 100ms client SDK joins the room with. */
  readonly token: string;
  /** When the token expires (RFC 3339), or null if the service did not say. */
  readonly expires_at: string | null;
}

/** The iteration of a listing: `for await (const code of client.list(roomId))`. */
export interface RoomCodeList extends AsyncIterableIterator<RoomCode> {
  /** The next code: `{ value: code, done: false }`, then `{ done: true }`. */
  next(): Promise<IteratorResult<RoomCode, undefined>>;
  /** Ends the listing early (a `break` out of `for await` calls it). */
  return(): Promise<IteratorResult<RoomCode, undefined>>;
  /** The list itself. */
  [Symbol.asyncIterator](): RoomCodeList;
}

/** One page of a room's codes. */
export interface RoomCodePage {
  /** The page size the service used, if it said. */
  limit: number | null;
  data: RoomCode[];
  /** The `start` of the next page; `null` on the last page. */
  last: string | null;
}

/** Which codes to list. */
export interface ListFilter {
  /** Only codes of this role. */
  role?: string;
  /** Only enabled (`true`) or disabled (`false`) codes. */
  enabled?: boolean;
  /** Page size, 1 to 100 (what the service accepts). */
  limit?: number;
}

/** Which page to get. */
export interface ListPageFilter extends ListFilter {
  /** A previous page's `last`. */
  start?: string;
}

/** The last argument of every method. */
export interface CallOptions {
  /** Stops the call; it then rejects with `signal.reason`. A signal cannot say
   * when it will fire (`AbortSignal.timeout(2000)` included), so a 429's
   * `Retry-After` within the client's backoff cap is waited out, and an abort
   * during that wait rejects with `signal.reason` (a `TimeoutError`), as
   * `fetch` does. The Rust, C and Go clients, given a deadline they know,
   * instead end at once with `rate_limited` carrying the server's wait. */
  signal?: AbortSignal;
  /** The timeout of each attempt of this call, replacing the client's: whole
   * milliseconds, 1 to 2147483647. */
  timeoutMs?: number;
  /** Retries this call may make, replacing the client's `maxRetries`. */
  maxRetries?: number;
}

/** What the response that ended a call successfully said, and what the call
 * took: the `response` of a `client.withResponse()` result. */
export interface ResponseMeta {
  /** The HTTP status of the response (a 2xx). */
  readonly status: number;
  /** The id the service gave the request (its `X-Request-Id`), for a support ticket. */
  readonly requestId: string | undefined;
  /** The attempts the call sent, the successful one included (2 after one retry). */
  readonly attempts: number;
  /** From the start of the call's first attempt to the response, in milliseconds. */
  readonly elapsedMs: number;
}

/** A result with the metadata of the response it came in. */
export interface WithResponse<T> {
  /** What the method resolves to on a plain client. */
  data: T;
  /** The response's status and request id, the attempts and the time taken. */
  response: ResponseMeta;
}

/** The promise methods of a client, each resolving to `{ data, response }`:
 * what `client.withResponse()` returns. */
export type RoomCodesClientWithResponse = {
  readonly [M in "create" | "createForRole" | "listPage" | "setEnabled" | "authTokenForCode"]: RoomCodesClient[M] extends (
    ...args: infer A
  ) => Promise<infer R>
    ? (...args: A) => Promise<WithResponse<R>>
    : never;
};

/** One thing a call did, as `onEvent` gets it. Holds no credential or token. */
export interface HmsEvent {
  /** What happened. */
  name: "attempt_started" | "response" | "transport_failure" | "retry_wait" | "call_ended";
  /** The level the library grades it at: `"debug"` for attempts and responses,
   * `"warn"` for a call that failed, else `"info"` (the same as in Go and C). */
  level: "debug" | "info" | "warn";
  /** The method called, e.g. `"createForRole"` (`"list"` for a listing's pages). */
  operation: string;
  /** The attempt (for `retry_wait`, the one after the wait). */
  attempt?: number;
  /** `attempt_started`: `"GET"` or `"POST"`, and the URL's path (no host, no query). */
  method?: string;
  path?: string;
  /** `response`: the HTTP status, the service's request id and the body's size. */
  status?: number;
  requestId?: string;
  bodyBytes?: number;
  /** `response`, `transport_failure`: the attempt's time; `call_ended`: the call's. */
  elapsedMs?: number;
  /** `transport_failure`: `"not_sent"`, `"timeout"`, `"broken"`, `"tls_handshake"` or `"body_too_large"`. */
  kind?: string;
  /** `retry_wait`: how long, and why (`"rate_limited"`, `"retry_after"`, `"server_error"`, `"transport_failure"`, `"token_renewed"`). */
  waitMs?: number;
  reason?: string;
  /** `call_ended`: `"ok"` or the error's kind, and the attempts sent. */
  result?: string;
  attempts?: number;
  /** The event as the one readable line `logLevel` writes. */
  line: string;
}

/** Options of the token exchange. */
export interface AuthTokenOptions {
  /** Your id for the person joining. */
  userId?: string;
}

/** The settings of a client. Give a management token, or an access key with
 * its app secret, or neither (proxy mode). */
export interface RoomCodesClientOptions {
  /** A fixed management token. */
  managementToken?: string;
  /** The app's access key; the client signs its own tokens with `appSecret`. */
  accessKey?: string;
  /** The app secret that signs the management tokens. */
  appSecret?: string;
  /** The management API (default `https://api.100ms.live/v2`). `https`,
   * or `http` to loopback (or anywhere with `allowInsecureHttp`). */
  baseUrl?: string;
  /** The token exchange. Unset, it is `baseUrl` when that is set to anything
   * but the real service's (a proxy or the emulator serves both), else
   * `https://auth.100ms.live/v2`. */
  authBaseUrl?: string;
  /** The timeout of each attempt, in whole milliseconds from 1 to
   * 2147483647 (default 10 000). */
  timeoutMs?: number;
  /** Retries after a failed attempt, where a repeat is safe (default 2; 0 means none). */
  maxRetries?: number;
  /** The most pages one `list` fetches (default 1000); a service still
   * sending a next-page cursor after that many ends it with a `decode` error. */
  maxPages?: number;
  /** The largest response body read (default 4 MiB); a larger one is a
   * `decode` error, and the package's Node `fetch` stops reading there. */
  maxResponseBytes?: number;
  /** The `fetch` to send requests with (default: in Node, node:http keep-alive; elsewhere the global `fetch`). */
  fetch?: typeof fetch;
  /** Allows credentials outside a server runtime (a browser page or
   * worker), where every visitor can read them. Never do this with a real
   * management token. */
  dangerouslyAllowBrowser?: boolean;
  /** Allows plain `http` base URLs to hosts other than loopback (default
   * false): credentials then travel unencrypted. */
  allowInsecureHttp?: boolean;
  /** Called with every event of every call (attempts, responses, failures,
   * retry waits, ends); an exception it throws is ignored. */
  onEvent?: (event: HmsEvent) => void;
  /** Writes events to `console`: `"info"` (waits, failures, ends), `"debug"`
   * (every event) or `"off"`. Default: the `HMS_LOG` environment variable, else off. */
  logLevel?: "off" | "info" | "debug";
  /** The HTTP proxy of the package's Node transport, `http://[user:password@]host:port`
   * (https goes through it by CONNECT). Default: `https_proxy` / `HTTPS_PROXY`,
   * `http_proxy` / `HTTP_PROXY` and `no_proxy` / `NO_PROXY` from the environment.
   * With your own `fetch`, give it its own proxy instead. */
  proxy?: string;
}

/** What a room link is made of. Give exactly one of `subdomain` and `domain`. */
export interface RoomLinkOptions {
  /** The app's 100ms subdomain: `https://{subdomain}.app.100ms.live/meeting/{code}`. */
  subdomain?: string;
  /** A custom domain: `https://{domain}/{code}`. */
  domain?: string;
  /** The room code. */
  code: string;
  /** Your id for the person, as `userId` in the query. */
  userId?: string;
  /** The name shown for the person, as `name` in the query. */
  name?: string;
}
