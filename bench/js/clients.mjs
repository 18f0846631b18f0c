// The Node clients the benchmarks compare, each reduced to the calls measured:
// `createForRole(room)` (one new guest code), `list(room)` (every code of a
// room of 100, one page, iterated to the end, one code at a time) and, for
// ours, `listPage(room)` (that page as one array).
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { accessKey, apiBase, appSecret } from "./emulator.mjs";
import { httpJson } from "./raw-http.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The npm package as `make npm-package` assembled it (Node entry). */
export const oursEntry = path.resolve(here, "../../target/npm/hms-room-codes/index.mjs");
const ours = await import(pathToFileURL(oursEntry));
const { SDK: HMSSDK } = createRequire(import.meta.url)("@100mslive/server-sdk");

const createPath = (room) => `${apiBase}/room-codes/room/${room}/role/guest`;
const listUrl = (room) => `${apiBase}/room-codes/room/${room}?limit=100`;

/** hms-room-codes with the given extra client options. */
function oursClient(options) {
  const client = new ours.RoomCodesClient({ accessKey, appSecret, baseUrl: apiBase, authBaseUrl: apiBase, ...options });
  return {
    createForRole: (room) => client.createForRole(room, "guest"),
    list: (room) => count(client.list(room, { limit: 100 })),
    listPage: (room) => client.listPage(room, { limit: 100 }),
  };
}

/** How many codes the async iterable `codes` yields, read one at a time. */
async function count(codes) {
  let n = 0;
  for await (const code of codes) n += code.code ? 1 : 0;
  return n;
}

/** The official SDK, its axios instance pointed at the emulator. Its logger is
 * set to "warn": by default (NODE_ENV not "production") it prints every call. */
function official() {
  const sdk = new HMSSDK(accessKey, appSecret);
  sdk.setLogLevel("warn");
  sdk.api.axios.defaults.baseURL = apiBase;
  return {
    createForRole: (room) => sdk.roomCodes.createForRole(room, "guest"),
    list: (room) => count(sdk.roomCodes.list(room, { limit: 100 })),
  };
}

/** The headers a raw client sends, with the emulator's fixed token. */
function rawHeaders() {
  const token = process.env.HMS_MANAGEMENT_TOKEN;
  return { authorization: `Bearer ${token}`, accept: "application/json", "content-type": "application/json" };
}

/** Node's global `fetch`, parsing the JSON. */
function rawFetch() {
  const headers = rawHeaders();
  const call = async (method, url) => (await fetch(url, { method, headers })).json();
  return {
    createForRole: (room) => call("POST", createPath(room)),
    list: async (room) => iterate(await call("GET", listUrl(room))),
  };
}

/** `node:http` with a keep-alive agent, parsing the JSON. */
function rawHttp() {
  const call = httpJson(rawHeaders());
  return {
    createForRole: (room) => call("POST", createPath(room)),
    list: async (room) => iterate(await call("GET", listUrl(room))),
  };
}

/** How many codes a parsed page holds, read one at a time. */
function iterate(page) {
  let n = 0;
  for (const code of page.data) n += code.code ? 1 : 0;
  return n;
}

/** Every client by its name in the report, in the order of the table. */
export const clients = {
  "hms-room-codes": () => oursClient({}),
  "hms-room-codes, events to a no-op hook": () => oursClient({ onEvent: () => {} }),
  "hms-room-codes (global fetch)": () => oursClient({ fetch: globalThis.fetch }),
  "@100mslive/server-sdk": official,
  "raw fetch": rawFetch,
  "raw node:http": rawHttp,
};
