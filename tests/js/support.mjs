// What the Node tests share: the built package, the emulator (started by
// scripts/with-emulator.sh) and its control API, and clients aimed at it.
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The assembled package (make npm-package), through its Node ESM entry. */
export const pkg = await import(pathToFileURL(path.join(root, "target/npm/hms-room-codes/index.mjs")));

export const emulator = process.env.HMS_EMULATOR_URL;
if (!emulator) throw new Error("run the tests under scripts/with-emulator.sh");
export const apiBase = `${emulator}/v2`;
export const token = "emulator-management-token";

/** A JSON request to the emulator at `base` (control API or service) with its fixed token. */
export async function control(method, urlPath, body, base = emulator) {
  const response = await fetch(`${base}${urlPath}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${urlPath}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** A client of the emulator: a management token, fast enough for tests. */
export function client(options = {}) {
  return new pkg.RoomCodesClient({ managementToken: token, baseUrl: apiBase, authBaseUrl: apiBase, ...options });
}

/** A new room (default template: host, guest, viewer); its id. */
export async function newRoom(body = {}) {
  return (await control("POST", "/v2/rooms", body)).id;
}

/** Queues a fault rule for the next matching requests. */
export const fault = (rule) => control("POST", "/_emulator/faults", rule);

/** The requests the emulator saw for `method` and `urlPath` (exact). */
export async function requests(method, urlPath) {
  const log = await control("GET", "/_emulator/requests");
  return log.filter((r) => r.method === method && r.path === urlPath);
}

/** Clears faults and the request log between tests. */
export async function clean() {
  await fetch(`${emulator}/_emulator/faults`, { method: "DELETE" });
  await fetch(`${emulator}/_emulator/requests`, { method: "DELETE" });
}

/** The HmsError `promise` rejects with (failing when it resolves or rejects otherwise). */
export async function hmsError(promise) {
  try {
    await promise;
  } catch (error) {
    if (!pkg.isHmsError(error)) throw error;
    return error;
  }
  throw new Error("expected the call to fail");
}

/** Starts another emulator (HMS_EMULATOR_BIN, exported by scripts/with-emulator.sh)
 * with `args`; its URL, and `stop()`. */
export async function spawnEmulator(...args) {
  const child = spawn(process.env.HMS_EMULATOR_BIN, ["--port", "0", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const [url] = await once(readline.createInterface({ input: child.stdout }), "line");
  return { url, stop: () => child.kill() };
}
