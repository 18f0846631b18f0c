// hms-room-codes for browsers, bundlers, Deno and workers: loads the
// WebAssembly module once (top-level await), then exports the API.
import init from "./hms_room_codes.js";

await init({ module_or_path: new URL("../hms_room_codes_bg.wasm", import.meta.url) });

export { RoomCodesClient, RoomCodeList, roomLink } from "./hms_room_codes.js";
export { HmsError, isHmsError } from "./@ERROR_JS@";
