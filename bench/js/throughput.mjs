// Node throughput: every client of clients.mjs against the same emulator in the
// same run, interleaved (each round runs every client once, in a rotated order;
// list and list_page share their rounds),
// for create-for-role, list (a room of 100 codes iterated whole) and list_page
// (that page as one array: only ours has it) at concurrency 1 and 32, after an
// untimed warm-up of every client.
//   node throughput.mjs OUT.json [ROUNDS]
import fs from "node:fs";
import { clients } from "./clients.mjs";
import { clearLog, fullRoom, newRooms } from "./emulator.mjs";
import { batch, summary } from "./stats.mjs";

const [out, rounds = "3"] = process.argv.slice(2);
/** Calls per client per round, by concurrency. */
const CALLS = { 1: 600, 32: 2000 };
/** Untimed calls per client before the rounds, so that every JIT has warmed up. */
const WARM_UP = 200;

const made = Object.fromEntries(Object.entries(clients).map(([name, make]) => [name, make()]));
const listRoom = await fullRoom(100);
/** The operations whose runs are interleaved with one another: `list` and
 * `list_page` share their rounds, so that their ratio (the cost of iterating)
 * is taken at the same moments. */
const GROUPS = [["create_for_role"], ["list", "list_page"]];
const results = [];
for (const concurrency of [1, 32]) {
  const calls = CALLS[concurrency];
  for (const group of GROUPS) {
    /** A batch of `n` calls of `operation` by `name` on fresh rooms (create) or the full room (lists). */
    const run = async ([operation, name], n) => {
      const client = made[name];
      let op = operation === "list" ? () => client.list(listRoom) : () => client.listPage(listRoom);
      if (operation === "create_for_role") {
        const rooms = await newRooms(Math.ceil(n / 100));
        op = (i) => client.createForRole(rooms[Math.floor(i / 100)]);
      }
      await clearLog();
      return batch(op, n, concurrency);
    };
    const pairs = group.flatMap((operation) =>
      Object.keys(made)
        .filter((name) => operation !== "list_page" || made[name].listPage)
        .map((name) => [operation, name]),
    );
    for (const pair of pairs) await run(pair, WARM_UP);
    const runs = pairs.map(() => []);
    for (let round = 0; round < Number(rounds); round++) {
      for (let i = 0; i < pairs.length; i++) {
        const at = (i + round) % pairs.length;
        runs[at].push(await run(pairs[at], calls));
      }
    }
    pairs.forEach(([operation, name], i) => {
      const row = { binding: "node", client: name, operation, concurrency, ...summary(runs[i]) };
      results.push(row);
      console.log(`${operation.padEnd(16)} c=${String(concurrency).padEnd(3)} ${name.padEnd(28)} ${row.rps.toFixed(0).padStart(6)} req/s  p50 ${row.p50_ms.toFixed(2)} ms  p99 ${row.p99_ms.toFixed(2)} ms`);
    });
  }
}
fs.writeFileSync(out, JSON.stringify(results, null, 1));
