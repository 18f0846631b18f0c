// What every Node bench shares: the emulator (started by scripts/with-emulator.sh),
// its credentials, a keep-alive connection for setup calls, and rooms to use.
import http from "node:http";

export const emulator = process.env.HMS_EMULATOR_URL;
if (!emulator) throw new Error("run under scripts/with-emulator.sh");
export const apiBase = `${emulator}/v2`;
export const accessKey = process.env.HMS_EMULATOR_ACCESS_KEY;
export const appSecret = process.env.HMS_EMULATOR_SECRET;

const agent = new http.Agent({ keepAlive: true });

/** One JSON request to the emulator with the fixed token; the parsed answer. */
export function request(method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${emulator}${path}`, {
      method,
      agent,
      headers: { "content-type": "application/json", authorization: `Bearer ${process.env.HMS_MANAGEMENT_TOKEN}` },
    });
    req.on("error", reject);
    req.on("response", (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString();
        if (res.statusCode !== 200) reject(new Error(`${method} ${path}: HTTP ${res.statusCode} ${text}`));
        else resolve(JSON.parse(text));
      });
    });
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** `count` new rooms (default template: host, guest, viewer); their ids. */
export async function newRooms(count) {
  const ids = [];
  for (let i = 0; i < count; i++) ids.push((await request("POST", "/v2/rooms", {})).id);
  return ids;
}

/** A room holding exactly `codes` guest codes. */
export async function fullRoom(codes = 100) {
  const [room] = await newRooms(1);
  for (let i = 0; i < codes; i++) await request("POST", `/v2/room-codes/room/${room}/role/guest`);
  return room;
}

/** Forgets the emulator's request log, so that long runs keep it small. */
export const clearLog = () => request("DELETE", "/_emulator/requests");
