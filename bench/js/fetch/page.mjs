// The browser page of the size row (bench/js/fetch/rows.mjs): the use the
// package's README names for a page, exchanging a room code for an auth
// token and building a link to the room, with no credentials.
import { RoomCodesClient, roomLink } from "hms-room-codes";

const code = new URLSearchParams(location.search).get("code");
const client = new RoomCodesClient();
const { token } = await client.authTokenForCode(code);
document.title = `${token.length} ${roomLink({ subdomain: "example", code })}`;
