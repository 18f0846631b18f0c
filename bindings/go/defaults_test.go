package roomcodes

import (
	"os"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// The defaults are written out in Go (so that go doc shows values); each must
// be what the library's header says.
func TestDefaultsAreTheHeaders(t *testing.T) {
	header, err := os.ReadFile("include/hms_room_codes.h")
	if err != nil {
		t.Fatal(err)
	}
	value := func(name string) int64 {
		m := regexp.MustCompile(`#define ` + name + ` (\d+)`).FindSubmatch(header)
		if m == nil {
			t.Fatalf("%s is not in the header", name)
		}
		n, _ := strconv.ParseInt(string(m[1]), 10, 64)
		return n
	}
	ms := func(name string) time.Duration { return time.Duration(value(name)) * time.Millisecond }
	checks := []struct {
		name      string
		got, want int64
	}{
		{"DefaultTimeout", int64(DefaultTimeout), int64(ms("HMS_DEFAULT_TIMEOUT_MS"))},
		{"DefaultMaxRetries", DefaultMaxRetries, value("HMS_DEFAULT_MAX_RETRIES")},
		{"DefaultBackoffBase", int64(DefaultBackoffBase), int64(ms("HMS_DEFAULT_BACKOFF_BASE_MS"))},
		{"DefaultBackoffCap", int64(DefaultBackoffCap), int64(ms("HMS_DEFAULT_BACKOFF_CAP_MS"))},
		{"DefaultMaxResponseBytes", DefaultMaxResponseBytes, value("HMS_DEFAULT_MAX_RESPONSE_BYTES")},
		{"DefaultMaxPages", DefaultMaxPages, value("HMS_DEFAULT_MAX_PAGES")},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s is %d, the header says %d", c.name, c.got, c.want)
		}
	}
}
