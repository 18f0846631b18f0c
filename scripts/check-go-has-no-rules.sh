#!/usr/bin/env bash
# The Go binding only sends, waits and returns what the library's call says
# (RULES.md): no retry, backoff, Retry-After, status or validation rule of its
# own. Fails, naming the line, when a non-test Go file of package roomcodes
# (the module's root; not roomcodestest, the emulator helper for tests)
# decides any of these itself. Conversions of Go values into C types (a negative int
# for a C uint32), and of the library's answers into Go types (the proxy it chose,
# parsed into the *url.URL net/http takes), are the binding's and are not matched.
set -euo pipefail
dir="${1:-bindings/go}"
patterns=(
  '"[Rr]etry-[Aa]fter"|Header\.(Get|Values)\(' # reading the server's wait
  '[Bb]ackoff\s*[*+/<>=-]'        # backoff arithmetic (the config field is passed through)
  'StatusCode\s*[<>=!]'           # deciding on an HTTP status
  '\b(401|403|404|408|429|500|502|503|504)\b'
  'time\.Sleep|rand\.'            # waiting or jittering on its own
  'retries?(Done|Left)|attempts?\s*[<>]=?' # counting attempts
  'url\.Parse\((?!C\.|libraryURL\))|\.Port\(\)|"https?://' # judging base URLs (parsing a URL the library chose, C.* or libraryURL, is a conversion)
  'len\((roomID|role|code|userID)\)' # judging arguments
)
found=0
while IFS= read -r file; do
  for p in "${patterns[@]}"; do
    # Comments may speak of the rules; code may not follow them.
    if grep -nP "^(?!\s*//).*(?:$p)" "$file" >/tmp/go-rules.$$ 2>/dev/null; then
      sed "s|^|$file:|" /tmp/go-rules.$$; found=1
    fi
  done
done < <(find "$dir" -maxdepth 1 -name '*.go' ! -name '*_test.go')
rm -f /tmp/go-rules.$$
if [ "$found" -ne 0 ]; then
  echo "check-go-has-no-rules: the lines above decide what the library's call decides (RULES.md)" >&2
  exit 1
fi
echo "check-go-has-no-rules: no call rule in $dir"
