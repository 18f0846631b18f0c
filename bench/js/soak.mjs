// The Node soak, like bench/c/soak.c: N calls through the npm package with
// faults mixed in (a 429 and a 503 with `Retry-After: 0` on listings, a reset
// on set-enabled, every 1000 calls), a fresh room per 100 calls, the emulator's
// log cleared every 10k calls. Prints one JSON line; RSS is read after a full
// GC (run with --expose-gc).   node --expose-gc soak.mjs [CALLS]
import { pathToFileURL } from "node:url";
import { oursEntry } from "./clients.mjs";
import { accessKey, apiBase, appSecret, clearLog, newRooms, request } from "./emulator.mjs";

const calls = Number(process.argv[2] ?? 100000);
const { RoomCodesClient } = await import(pathToFileURL(oursEntry));
const client = new RoomCodesClient({ accessKey, appSecret, baseUrl: apiBase, authBaseUrl: apiBase });
const rss = () => (globalThis.gc?.(), process.memoryUsage().rss);
/** The JS heap in use after a full GC: where a leak of JS objects would show. */
const heap = () => (globalThis.gc?.(), process.memoryUsage().heapUsed);
const faults = [
  { method: "GET", path: "/v2/room-codes/room/", status: 429, retry_after: "0" },
  { method: "GET", path: "/v2/room-codes/room/", status: 503, retry_after: "0" },
  { method: "POST", path: "/v2/room-codes/code", match: "exact", action: "reset" },
];

let room;
let code;
let failures = 0;
let queued = 0;
let rss10k;
let heap10k;
const started = performance.now();
for (let i = 0; i < calls; i++) {
  if (i % 100 === 0) ([room] = await newRooms(1)), (code = undefined);
  if (i % 1000 === 500) for (const rule of faults) await request("POST", "/_emulator/faults", rule), queued++;
  if (i % 10000 === 0) await clearLog();
  try {
    if (i % 4 === 0 || !code) code = (await client.createForRole(room, "guest")).code;
    else if (i % 4 === 1) await client.listPage(room, { limit: 100 });
    else if (i % 4 === 2) await client.setEnabled(code, true);
    else await client.authTokenForCode(code, { userId: "soak-user" });
  } catch (error) {
    failures++;
    console.error(`soak: call ${i}: ${error.message}`);
  }
  if (i + 1 === 10000) (rss10k = rss()), (heap10k = heap());
}
const seconds = (performance.now() - started) / 1000;
await request("DELETE", "/_emulator/faults");
console.log(JSON.stringify({ binding: "node", calls, failures, faults: queued, seconds, rss_10k: rss10k, rss_end: rss(), heap_10k: heap10k, heap_end: heap() }));
process.exitCode = failures ? 1 : 0;
