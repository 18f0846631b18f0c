// A TypeScript consumer on a lib with `Symbol.dispose` (ESNext.Disposable),
// compiled by packaging.test.mjs under each module resolution: `using`
// type-checks for clients and listings. consumer.ts proves the same types
// still compile under plain ES2022.
import { RoomCodesClient } from "hms-room-codes";

export async function scoped(): Promise<boolean> {
  using client = new RoomCodesClient({ managementToken: "token" });
  await using listing = client.list("room");
  const dispose: () => void = client[Symbol.dispose];
  dispose.call(client);
  return (await listing.next()).done ?? false;
}
