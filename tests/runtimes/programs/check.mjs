// The one check every row of the matrix runs, whatever the runtime: a client
// with app keys (it signs its own management token) makes one more guest code
// and lists every code of the room, page by page.

/** Runs the check with `pkg` (the package as the runtime loaded it); its
 * one-line result. `settings`: apiBase, accessKey, appSecret, room, and any
 * other client options. */
export async function check(pkg, { apiBase, accessKey, appSecret, room, ...options }) {
  const client = new pkg.RoomCodesClient({ accessKey, appSecret, baseUrl: apiBase, authBaseUrl: apiBase, ...options });
  const guest = await client.createForRole(room, "guest");
  const listed = [];
  for await (const code of client.list(room, { limit: 2 })) listed.push(code.code);
  if (!listed.includes(guest.code)) throw new Error(`the list of ${listed.length} codes misses ${guest.code}`);
  const refused = await client.createForRole(room, "no-such-role").catch((error) => error);
  if (!pkg.isHmsError(refused) || refused.kind !== "role_not_found") throw new Error(`expected role_not_found, got ${refused}`);
  return `ok: ${listed.length} codes`;
}

/** The settings of a command-line program: the variables scripts/with-emulator.sh
 * sets, and HMS_ROOM_ID from matrix.mjs. */
function fromProcess() {
  const env = process.env;
  return { apiBase: env.HMS_API_BASE_URL, accessKey: env.HMS_EMULATOR_ACCESS_KEY, appSecret: env.HMS_EMULATOR_SECRET, room: env.HMS_ROOM_ID };
}

/** Where there is no environment (a page, a worker), fromEnv must throw a
 * clear invalid_argument. */
export function fromEnvRefused(pkg) {
  try {
    pkg.RoomCodesClient.fromEnv();
  } catch (error) {
    if (pkg.isHmsError(error) && error.kind === "invalid_argument" && /environment variables/.test(error.message)) return;
    throw error;
  }
  throw new Error("fromEnv made a client where there is no environment");
}

/** A command-line program's check, then the same listing from a client of
 * fromEnv (the HMS_* variables, which scripts/with-emulator.sh sets). */
async function fromCommandLine(pkg) {
  const settings = fromProcess();
  const result = await check(pkg, settings);
  const page = await pkg.RoomCodesClient.fromEnv().listPage(settings.room);
  if (page.data.length === 0) throw new Error("fromEnv's client listed no codes");
  return `${result}, fromEnv ok`;
}

/** Runs the check in a command-line program: prints its result, or the error
 * and exits with 1. */
export function main(pkg) {
  fromCommandLine(pkg).then(
    (result) => console.log(result),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
