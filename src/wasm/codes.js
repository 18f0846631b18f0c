// Arrays of room codes from the core's compact text (src/core/js_text.rs): six fields a
// code, joined by U+001F, split and built into objects here, which is three to
// four times quicker than JSON.parse reads the same codes.

/** The codes of `compact`: `code`, `room_id`, `role`, `enabled` ("1" or "0"),
 * `created_at`, `updated_at` (an empty timestamp is null) for each code. */
export function codesFromCompact(compact) {
  if (compact === "") return [];
  const fields = compact.split("\u001f");
  const codes = new Array(fields.length / 6);
  for (let i = 0, f = 0; f < fields.length; i++, f += 6) {
    codes[i] = {
      code: fields[f],
      room_id: fields[f + 1],
      role: fields[f + 2],
      enabled: fields[f + 3] === "1",
      created_at: fields[f + 4] || null,
      updated_at: fields[f + 5] || null,
    };
  }
  return codes;
}
