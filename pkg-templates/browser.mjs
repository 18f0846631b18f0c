// hms-room-codes for browsers and bundlers (and any runtime without a more
// specific entry): the embedded wasm (hms_room_codes_wasm.cjs, deflated,
// base64), inflated and compiled once with a top-level await. Embedded, it
// needs no bundler configuration and no second request.
import { start } from "./runtime.cjs";
import base64 from "./hms_room_codes_wasm.cjs";

const deflated = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const inflated = new Blob([deflated]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
const api = start(await WebAssembly.compile(await new Response(inflated).arrayBuffer()));

export const { RoomCodesClient, RoomCodeList, roomLink, HmsError, isHmsError } = api;
