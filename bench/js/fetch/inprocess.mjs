// The fetch path's own cost, with no socket: a client whose `fetch` answers
// real emulator bodies from memory (a `Response` each call), against `fetch`
// + `res.json()` on the same fake. Prints µs per call (the lowest of 5
// interleaved runs) for create_for_role and a 100-code list page; a profile
// of it (`node --cpu-prof`, `deno run --cpu-prof`) shows where the time goes.
//   bash scripts/with-emulator.sh <runtime> inprocess.mjs [CALLS]
// from the project bench/js/fetch/rows.mjs makes (node_modules/hms-room-codes).
import * as ours from "hms-room-codes";

const env = (name) => (globalThis.Deno ? Deno.env.get(name) : process.env[name]);
const calls = Number((globalThis.Deno ? Deno.args : process.argv.slice(2))[0] ?? 3000);
const apiBase = env("HMS_API_BASE_URL");
const headers = { authorization: `Bearer ${env("HMS_MANAGEMENT_TOKEN")}`, "content-type": "application/json" };
const call = async (method, url) => (await fetch(url, { method, headers })).text();

const room = JSON.parse(await call("POST", `${env("HMS_EMULATOR_URL")}/v2/rooms`)).id;
const created = await call("POST", `${apiBase}/room-codes/room/${room}/role/guest`);
for (let i = 0; i < 99; i++) await call("POST", `${apiBase}/room-codes/room/${room}/role/guest`);
const page = await call("GET", `${apiBase}/room-codes/room/${room}?limit=100`);

/** A `fetch` answering `body` from memory, with the headers the emulator sends. */
const fake = (body) => {
  const length = String(new TextEncoder().encode(body).length);
  return async () => new Response(body, { status: 200, headers: { "content-type": "application/json", "content-length": length } });
};
const client = (body) =>
  new ours.RoomCodesClient({ accessKey: env("HMS_EMULATOR_ACCESS_KEY"), appSecret: env("HMS_EMULATOR_SECRET"), baseUrl: apiBase, fetch: fake(body) });
const createClient = client(created);
const listClient = client(page);
const rawCreate = fake(created);
const rawList = fake(page);
const CASES = {
  "create_for_role ours": () => createClient.createForRole(room, "guest"),
  "create_for_role raw": async () => (await rawCreate(`${apiBase}/x`, { method: "POST", headers })).json(),
  "list_page ours": async () => (await listClient.listPage(room, { limit: 100 })).data.length,
  "list_page raw": async () => (await rawList(`${apiBase}/x`, { method: "GET", headers })).json().then((p) => p.data.length),
};

const best = {};
for (let run = 0; run < 5; run++) {
  for (const [name, op] of Object.entries(CASES)) {
    const t = performance.now();
    for (let i = 0; i < calls; i++) await op();
    const us = ((performance.now() - t) * 1000) / calls;
    best[name] = Math.min(best[name] ?? Infinity, us);
  }
}
const runtime = globalThis.Deno ? `Deno ${Deno.version.deno}` : globalThis.Bun ? `Bun ${Bun.version}` : `Node ${process.version}`;
console.log(runtime, Object.entries(best).map(([n, us]) => `${n} ${us.toFixed(1)} µs`).join(", "));
