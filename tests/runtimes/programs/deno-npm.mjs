// Deno's npm: specifier.
import * as pkg from "npm:hms-room-codes";
import { main } from "./check.mjs";

main(pkg);
