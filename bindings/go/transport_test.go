package roomcodes

import (
	"net/http"
	"reflect"
	"testing"
)

func TestReadHeadersAreTheLibrarysInCanonicalForm(t *testing.T) {
	want := []string{"Retry-After", "Location", "X-Request-Id", "Request-Id"}
	if !reflect.DeepEqual(readHeaders, want) {
		t.Fatalf("readHeaders = %q, want %q", readHeaders, want)
	}
}

func TestHeaderLinesKeepOnlyTheHeadersTheLibraryReads(t *testing.T) {
	header := http.Header{
		"Content-Type":   {"application/json"},
		"Date":           {"Sun, 06 Dec 2026 08:00:00 GMT"},
		"Retry-After":    {"7"},
		"X-Request-Id":   {"a", "b"},
		"Content-Length": {"12"},
	}
	lines := headerLines(header)
	defer attempt{headers: lines}.release()
	want := "Retry-After: 7\r\nX-Request-Id: a\r\nX-Request-Id: b\r\n"
	if got := lines.String(); got != want {
		t.Fatalf("headerLines = %q, want %q", got, want)
	}
	none := headerLines(http.Header{"Date": {"now"}})
	defer attempt{headers: none}.release()
	if none.Len() != 0 {
		t.Fatalf("headerLines without a read header = %q, want none", none.String())
	}
}
