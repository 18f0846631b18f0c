// hms-room-codes for Node, ES modules: the CommonJS build, so that `import` and
// `require` share one instance.
import cjs from "./index.cjs";

export const { RoomCodesClient, RoomCodeList, roomLink, HmsError, isHmsError, keepAliveFetch } = cjs;
