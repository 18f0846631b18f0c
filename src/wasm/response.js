// What a method of client.withResponse() resolves to: the method's result and
// the metadata of the response it came in, as the core recorded it.

/** `{ data, response: { status, requestId, attempts, elapsedMs } }`. */
export function withResponse(data, status, requestId, attempts, elapsedMs) {
  return { data, response: { status, requestId, attempts, elapsedMs } };
}
