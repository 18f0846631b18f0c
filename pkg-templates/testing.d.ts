/** hms-room-codes/testing: the hms-emulator binary started for your tests (Node only). */

/** Where the binary is and how long to wait for it. */
export interface StartEmulatorOptions {
  /** The hms-emulator binary; default: HMS_EMULATOR, else hms-emulator on PATH. */
  binary?: string;
  /** How long to wait for it to listen (default 10000). */
  timeoutMs?: number;
}

/** A fault rule of the emulator's control API, in camelCase. */
export interface FaultRule {
  path: string;
  method?: string;
  match?: "prefix" | "exact";
  count?: number;
  status?: number;
  body?: string;
  contentType?: string;
  retryAfter?: string;
  delayMs?: number;
  action?: "reset" | "truncate" | "not_json" | "redirect" | "endless_pages";
  location?: string;
  cursorBytes?: number;
}

/** One request the emulator received on /v2. */
export interface LoggedRequest {
  method: string;
  /** Still percent-encoded. */
  path: string;
  /** Without "?". */
  query: string;
  /** Lowercase names. */
  headers: Record<string, string>;
  body: string;
}

/** A running emulator. */
export declare class Emulator {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** url + "/v2" */
  readonly baseUrl: string;
  /** url + "/v2" */
  readonly authBaseUrl: string;
  readonly managementToken: string;
  readonly accessKey: string;
  readonly appSecret: string;
  /** Options for `new RoomCodesClient(...)`. */
  clientOptions(): { managementToken: string; baseUrl: string; authBaseUrl: string };
  /** Resolves to the new room's id. */
  createRoom(options?: { templateId?: string }): Promise<string>;
  defineTemplate(id: string, roles: string[]): Promise<void>;
  injectFault(rule: FaultRule): Promise<void>;
  requests(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts an emulator on a free loopback port. */
export declare function startEmulator(options?: StartEmulatorOptions): Promise<Emulator>;
