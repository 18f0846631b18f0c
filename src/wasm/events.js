// Where the npm package's readable event lines go (see events.rs).

/** Writes one event line: `console.debug` for attempts and responses, else `console.info`. */
export function logLine(debug, line) {
  (debug ? console.debug : console.info)(line);
}
