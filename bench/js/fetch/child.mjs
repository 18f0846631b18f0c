// One runtime's side of the fetch rows (bench/js/fetch/rows.mjs starts it in
// Deno, Bun and Node): create_for_role and a whole 100-code list page, at 1
// and 32 in flight, by each client named on the command line, interleaved
// (each round runs every client once, in a rotated order), after an untimed
// warm-up. Prints one JSON line: { runtime, rows: [{ client, operation,
// concurrency, rps, p50_ms, p99_ms }] }.
//   <runtime> child.mjs ROUNDS CLIENT...
// Runs from a directory whose node_modules holds hms-room-codes; the
// emulator's address and credentials come from scripts/with-emulator.sh.
import * as ours from "hms-room-codes";
import { batch, summary } from "./stats.mjs";

const env = (name) => (globalThis.Deno ? Deno.env.get(name) : process.env[name]);
const args = globalThis.Deno ? Deno.args : process.argv.slice(2);
const [rounds, ...names] = args;
const apiBase = env("HMS_API_BASE_URL");
const emulator = env("HMS_EMULATOR_URL");
const headers = {
  authorization: `Bearer ${env("HMS_MANAGEMENT_TOKEN")}`,
  accept: "application/json",
  "content-type": "application/json",
};
/** Calls per client per round, by concurrency. */
const CALLS = { 1: 400, 32: 1600 };
/** Untimed calls per client before the rounds. */
const WARM_UP = 200;

/** A setup call to the emulator with its fixed token; the parsed answer. */
async function setup(method, path) {
  const res = await fetch(`${emulator}${path}`, { method, headers });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
  return res.json();
}
const newRoom = async () => (await setup("POST", "/v2/rooms")).id;
const createPath = (room) => `${apiBase}/room-codes/room/${room}/role/guest`;
const listUrl = (room) => `${apiBase}/room-codes/room/${room}?limit=100`;

/** hms-room-codes with the given extra client options. */
function oursClient(options) {
  const client = new ours.RoomCodesClient({
    accessKey: env("HMS_EMULATOR_ACCESS_KEY"),
    appSecret: env("HMS_EMULATOR_SECRET"),
    baseUrl: apiBase,
    authBaseUrl: apiBase,
    ...options,
  });
  return {
    createForRole: (room) => client.createForRole(room, "guest"),
    listPage: async (room) => count((await client.listPage(room, { limit: 100 })).data),
  };
}

/** The runtime's `fetch` and `res.json()`, as a user would write them. */
function rawFetch() {
  const call = async (method, url) => {
    const res = await fetch(url, { method, headers });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json();
  };
  return {
    createForRole: (room) => call("POST", createPath(room)),
    listPage: async (room) => count((await call("GET", listUrl(room))).data),
  };
}

/** `node:http` with a keep-alive agent, parsing the JSON (Node only). */
async function rawHttp() {
  const call = (await import("./raw-http.mjs")).httpJson(headers);
  return {
    createForRole: (room) => call("POST", createPath(room)),
    listPage: async (room) => count((await call("GET", listUrl(room))).data),
  };
}

/** How many codes of a page have a code (every one: it reads each). */
function count(codes) {
  let n = 0;
  for (const code of codes) n += code.code ? 1 : 0;
  if (n !== 100) throw new Error(`a page of ${n} codes`);
  return n;
}

const CLIENTS = {
  ours: () => oursClient({}),
  "ours (global fetch)": () => oursClient({ fetch: globalThis.fetch }),
  "raw fetch": rawFetch,
  "raw node:http": rawHttp,
};

const made = {};
for (const name of names) made[name] = await CLIENTS[name]();
const listRoom = await newRoom();
for (let i = 0; i < 100; i++) await setup("POST", `/v2/room-codes/room/${listRoom}/role/guest`);

const rows = [];
for (const concurrency of [1, 32]) {
  for (const operation of ["create_for_role", "list_page"]) {
    const run = async (name, n) => {
      const client = made[name];
      let op = () => client.listPage(listRoom);
      if (operation === "create_for_role") {
        const rooms = [];
        for (let i = 0; i < Math.ceil(n / 100); i++) rooms.push(await newRoom());
        op = (i) => client.createForRole(rooms[Math.floor(i / 100)]);
      }
      await setup("DELETE", "/_emulator/requests");
      return batch(op, n, concurrency);
    };
    for (const name of names) await run(name, WARM_UP);
    const runs = names.map(() => []);
    for (let round = 0; round < Number(rounds); round++) {
      for (let i = 0; i < names.length; i++) {
        const at = (i + round) % names.length;
        runs[at].push(await run(names[at], CALLS[concurrency]));
      }
    }
    names.forEach((client, i) => rows.push({ client, operation, concurrency, ...summary(runs[i]) }));
  }
}
const runtime = globalThis.Deno ? `Deno ${Deno.version.deno}` : globalThis.Bun ? `Bun ${Bun.version}` : `Node ${process.version}`;
console.log(JSON.stringify({ runtime, rows }));
