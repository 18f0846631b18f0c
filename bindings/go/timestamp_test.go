package roomcodes

import (
	"testing"
	"time"
)

// Every shape the core lets through reads as time.Parse reads it, the
// service's UTC form by the quick path.
func TestTimestampsReadAsTimeParseReadsThem(t *testing.T) {
	for _, text := range []string{
		"2026-12-06T08:00:00Z", "2026-12-06T08:00:00.1Z", "2026-12-06T08:00:00.123Z",
		"2026-12-06T08:00:00.123456789Z", "2024-02-29T23:59:59.999999999Z", "0001-01-01T00:00:00Z",
		"9999-12-31T23:59:59Z", "2026-12-06T08:00:00+05:30", "2026-12-06T08:00:00.5-08:00",
		"2026-12-06T08:00:00-00:00",
	} {
		want, err := time.Parse(time.RFC3339Nano, text)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		var at time.Time
		got := timestamp(text, &at)
		if got != &at || !at.Equal(want) || at.Location().String() != want.Location().String() {
			t.Errorf("%s: got %v, want %v", text, at, want)
		}
		if text[len(text)-1] == 'Z' {
			if quick, ok := utcTime(text); !ok || quick != want {
				t.Errorf("%s: the quick path gave %v, %v", text, quick, ok)
			}
		}
	}
}

// A leap second, which the core accepts and time.Parse refuses, is the
// second after :59, not a missing time.
func TestALeapSecondIsTheSecondAfter59(t *testing.T) {
	for text, want := range map[string]time.Time{
		"2016-12-31T23:59:60Z":      time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC),
		"2016-12-31T23:59:60.5Z":    time.Date(2017, 1, 1, 0, 0, 0, 5e8, time.UTC),
		"2016-12-31T18:59:60-05:00": time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		var at time.Time
		if got := timestamp(text, &at); got == nil || !at.Equal(want) {
			t.Errorf("%s: got %v, want %v", text, got, want)
		}
	}
}

// Text of another shape is no time (the core lets none through; nothing here panics).
func TestOtherTextIsNoTime(t *testing.T) {
	for _, text := range []string{
		"", "2026-12-06", "2026-12-06T08:00:00", "2026-12-06T08:00:00.Z",
		"2026-12-06T08:00:00+0530", "2026-12-06T08:00:00*05:30", "2026-12-06T08:00:0xZ", "2026/12/06T08:00:00Z",
		"2026-12-06T08:00:00ZZ", "2026-12-06T08:00:00+05:3x",
	} {
		var at time.Time
		if got := timestamp(text, &at); got != nil {
			t.Errorf("%q: got %v, want nil", text, *got)
		}
	}
}
