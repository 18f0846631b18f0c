// hms-room-codes from Node: codes for a room, one more guest code, every code
// listed, one disabled, one exchanged for an auth token, and a room link.
// Configured like the Rust, C and Go quickstarts: HMS_ACCESS_KEY + HMS_SECRET
// (or HMS_MANAGEMENT_TOKEN), HMS_ROOM_ID (one of your rooms, from the 100ms
// dashboard), and HMS_API_BASE_URL / HMS_AUTH_BASE_URL for another endpoint.
// `make demo` runs it against the local emulator, which sets them all and
// makes the room.
import { RoomCodesClient, isHmsError, roomLink } from "hms-room-codes";

const env = process.env;
if (!env.HMS_MANAGEMENT_TOKEN && !(env.HMS_ACCESS_KEY && env.HMS_SECRET)) {
  console.error("[node] set HMS_ACCESS_KEY and HMS_SECRET (or HMS_MANAGEMENT_TOKEN) and HMS_ROOM_ID, or run `make demo` (local emulator)");
  process.exit(2);
}
if (!env.HMS_ROOM_ID && !env.HMS_EMULATOR_URL) {
  console.error("[node] set HMS_ROOM_ID to the id of one of your rooms (100ms dashboard)");
  process.exit(2);
}
const client = RoomCodesClient.fromEnv();

// The room to work on: yours, or one the emulator makes under `make demo`.
const roomId =
  env.HMS_ROOM_ID ??
  (await (await fetch(`${env.HMS_EMULATOR_URL}/v2/rooms`, {
    method: "POST",
    headers: { authorization: `Bearer ${env.HMS_MANAGEMENT_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "node-quickstart" }),
  })).json()).id;

console.log(`[node] room ${roomId}`);
const codes = await client.create(roomId);
for (const code of codes) console.log(`[node] code for every role: ${code.role.padEnd(7)} ${code.code}`);

const guest = await client.createForRole(roomId, "guest");
console.log(`[node] one more for guest:    ${guest.code}`);

let listed = 0;
for await (const _code of client.list(roomId, { limit: 10 })) listed += 1;
console.log(`[node] listed ${listed} codes`);

const revoked = await client.setEnabled(guest.code, false);
console.log(`[node] disabled ${revoked.code} (enabled = ${revoked.enabled})`);

const host = codes.find((c) => c.role === "host");
const token = await client.authTokenForCode(host.code, { userId: "quickstart-user" });
console.log(`[node] auth token for ${host.code}: ${token.token.slice(0, 24)}… (expires ${token.expires_at})`);
console.log(`[node] room link: ${roomLink({ subdomain: "demo-app", code: host.code, name: "Demo Host" })}`);

try {
  await client.createForRole(roomId, "no-such-role");
} catch (error) {
  if (!isHmsError(error)) throw error;
  console.log(`[node] expected error: ${error.kind}: ${error.message} (HTTP ${error.status})`);
}
