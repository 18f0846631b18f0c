// ES modules: Node, Deno (from node_modules) and Bun.
import * as pkg from "hms-room-codes";
import { main } from "./check.mjs";

main(pkg);
