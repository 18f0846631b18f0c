// Arrays of room codes from the core's compact text (src/core/js_text.rs): six fields a
// code, joined by U+001F, cut out and built into objects here, which is two to
// four times quicker than JSON.parse reads the same codes.

/** The codes of `compact`: `code`, `room_id`, `role`, `enabled` ("1" or "0"),
 * `created_at`, `updated_at` (an empty timestamp is null) for each code. Each
 * field is cut out between separators as it is needed (quicker than
 * `split`, which makes an array of every field first). */
export function codesFromCompact(compact) {
  const codes = [];
  let at = 0;
  const field = () => {
    const end = compact.indexOf("\u001f", at);
    const value = compact.slice(at, end === -1 ? compact.length : end);
    at = end === -1 ? compact.length + 1 : end + 1;
    return value;
  };
  while (at < compact.length) {
    codes.push({
      code: field(),
      room_id: field(),
      role: field(),
      enabled: field() === "1",
      created_at: field() || null,
      updated_at: field() || null,
    });
  }
  return codes;
}
