// Node throughput: every client of clients.mjs against the same emulator in the
// same run, interleaved (each round runs every client once, in a rotated order),
// for create-for-role and list (a page of 100) at concurrency 1 and 32.
//   node throughput.mjs OUT.json [ROUNDS]
import fs from "node:fs";
import { clients } from "./clients.mjs";
import { clearLog, fullRoom, newRooms } from "./emulator.mjs";
import { summary } from "./stats.mjs";

const [out, rounds = "3"] = process.argv.slice(2);
/** Calls per client per round, by concurrency. */
const CALLS = { 1: 600, 32: 2000 };

/** Runs `calls` calls of `op` with `concurrency` workers; per-call latencies (ms) and the wall time. */
async function batch(op, calls, concurrency) {
  let next = 0;
  const latencies = [];
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < calls; i = next++) {
      const t = performance.now();
      await op(i);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

const made = Object.fromEntries(Object.entries(clients).map(([name, make]) => [name, make()]));
const listRoom = await fullRoom(100);
const results = [];
for (const concurrency of [1, 32]) {
  const calls = CALLS[concurrency];
  for (const operation of ["create_for_role", "list"]) {
    const runs = Object.fromEntries(Object.keys(made).map((name) => [name, []]));
    for (let round = 0; round < Number(rounds); round++) {
      const names = Object.keys(made);
      const order = names.map((_, i) => names[(i + round) % names.length]);
      for (const name of order) {
        const client = made[name];
        let op = () => client.listPage(listRoom);
        if (operation === "create_for_role") {
          const rooms = await newRooms(Math.ceil(calls / 100));
          op = (i) => client.createForRole(rooms[Math.floor(i / 100)]);
        }
        await clearLog();
        runs[name].push(await batch(op, calls, concurrency));
      }
    }
    for (const [name, batches] of Object.entries(runs)) {
      const row = { binding: "node", client: name, operation, concurrency, ...summary(batches) };
      results.push(row);
      console.log(`${operation.padEnd(16)} c=${String(concurrency).padEnd(3)} ${name.padEnd(28)} ${row.rps.toFixed(0).padStart(6)} req/s  p50 ${row.p50_ms.toFixed(2)} ms  p99 ${row.p99_ms.toFixed(2)} ms`);
    }
  }
}
fs.writeFileSync(out, JSON.stringify(results, null, 1));
