// A TypeScript consumer of the packed package, compiled with tsc --strict
// --noEmit by packaging.test.mjs: the public types must need no `any`.
import {
  HmsError,
  isHmsError,
  keepAliveFetch,
  roomLink,
  RoomCodesClient,
  type AuthToken,
  type HmsErrorKind,
  type RoomCode,
  type RoomCodePage,
  type ResponseMeta,
  type WithResponse,
} from "hms-room-codes";

export async function quickstart(signal: AbortSignal): Promise<string[]> {
  const fetch = keepAliveFetch({ maxSockets: 8, maxResponseBytes: 1 << 20 });
  const client = new RoomCodesClient({ accessKey: "key", appSecret: "secret", timeoutMs: 5000, maxRetries: 1, fetch });
  const codes: RoomCode[] = await client.create("room", { signal });
  const one: RoomCode = await client.createForRole("room", "guest", { timeoutMs: 100 });
  const page: RoomCodePage = await client.listPage("room", { role: "guest", enabled: true, limit: 10, start: "x" });
  const next: string | null = page.last;
  const all: string[] = [];
  for await (const code of client.list("room", { role: "host" })) all.push(code.code);
  const updated: RoomCode = await client.setEnabled(one.code, false);
  const auth: AuthToken = await client.authTokenForCode(updated.code, { userId: "u" });
  const token: string = auth.token;
  const expiresAt: string | null = auth.expires_at;
  const link: string = roomLink({ subdomain: "app", code: one.code, userId: "u", name: "N" });
  const created: string[] = codes.map((c) => c.created_at ?? "not said");
  return [...created, next ?? "", token, expiresAt ?? "", link, ...all];
}

export async function withResponse(client: RoomCodesClient): Promise<string> {
  const { data, response }: WithResponse<RoomCode> = await client.withResponse().createForRole("room", "guest", { maxRetries: 1 });
  const meta: ResponseMeta = response;
  const page: RoomCodePage = (await client.withResponse().listPage("room", { limit: 2 })).data;
  const status: number = meta.status;
  const id: string | undefined = meta.requestId;
  return `${data.code} ${page.data.length} ${status} ${id ?? "-"} ${meta.attempts} ${meta.elapsedMs}`;
}

export function describe(error: unknown): string {
  if (isHmsError(error)) {
    const kind: HmsErrorKind = error.kind;
    const status: number | undefined = error.status;
    const wait: number | undefined = error.retryAfterMs;
    const details: string[] = error.details;
    return `${error.name} ${kind} ${status ?? "-"} ${wait ?? "-"} ${details.join()} ${error.message}`;
  }
  if (error instanceof HmsError) return error.stack ?? "";
  return String(error);
}

export const proxy = new RoomCodesClient({ baseUrl: "https://proxy.example/v2", fetch: globalThis.fetch });
export const made: HmsError = new HmsError("timeout", "by hand", { status: 504 });

// Misuse must not compile: these lines prove the types are not `any`.
export async function misuse(client: RoomCodesClient): Promise<void> {
  // @ts-expect-error a room id is a string
  await client.create(5);
  // @ts-expect-error enabled is a boolean
  await client.setEnabled("code", "yes");
  // @ts-expect-error an unknown filter key
  await client.listPage("room", { rolee: "host" });
  // @ts-expect-error roomLink needs a code
  roomLink({ subdomain: "app" });
  // @ts-expect-error results are typed
  const wrong: number = await client.authTokenForCode("code");
  void wrong;
  // @ts-expect-error withResponse() results are wrapped
  const bare: RoomCode = await client.withResponse().createForRole("room", "guest");
  void bare;
  // @ts-expect-error withResponse() keeps the arguments' types
  await client.withResponse().setEnabled("code", "yes");
}

// hms-room-codes/testing: the emulator helper's types, with a client made from it.
import { startEmulator, type Emulator, type LoggedRequest } from "hms-room-codes/testing";

export async function testingYourCode(): Promise<LoggedRequest[]> {
  const emu: Emulator = await startEmulator({ timeoutMs: 5000 });
  const client = new RoomCodesClient(emu.clientOptions());
  const room: string = await emu.createRoom({ templateId: "default" });
  await emu.defineTemplate("webinar", ["speaker"]);
  await emu.injectFault({ path: "/v2/room-codes", status: 429, retryAfter: "1", count: 1 });
  await client.createForRole(room, "guest");
  const requests = await emu.requests();
  await emu.clearRequests();
  await emu.reset();
  await emu.stop();
  return requests;
}
