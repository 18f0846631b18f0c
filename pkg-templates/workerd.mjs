// hms-room-codes for Cloudflare Workers (workerd), which compiles no wasm from
// bytes: the .wasm is imported as a module, which wrangler bundles as one.
import { start } from "./runtime.cjs";
import module from "./hms_room_codes_bg.wasm";

export const { RoomCodesClient, RoomCodeList, roomLink, HmsError, isHmsError } = start(module);
