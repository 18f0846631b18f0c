package roomcodes

import "time"

// timestamp reads an RFC 3339 time, which the core has checked, into *at;
// "" (the service did not say) is nil. A UTC time (the "Z" form the service
// sends) is read by utcTime, any other by time.Parse. A leap second ("…:60"),
// which time.Parse refuses, reads as the second after :59, as time.Date has it.
func timestamp(text string, at *time.Time) *time.Time {
	t, ok := utcTime(text)
	if !ok {
		var err error
		if t, err = time.Parse(time.RFC3339Nano, text); err != nil {
			if len(text) < 19 || text[17:19] != "60" {
				return nil
			}
			if t, err = time.Parse(time.RFC3339Nano, text[:17]+"59"+text[19:]); err != nil {
				return nil
			}
			t = t.Add(time.Second)
		}
	}
	*at = t
	return at
}

// dateTime is "YYYY-MM-DDTHH:MM:SS[.fraction]" read, and where the zone
// after it starts.
type dateTime struct {
	year, month, day, hour, minute, second, nanosecond, zone int
}

// number is the decimal number of text[at:at+n]; ok is false if any of it
// is not a digit (or past the end).
func number(text string, at, n int) (v int, ok bool) {
	if at < 0 || at+n > len(text) {
		return 0, false
	}
	for _, c := range []byte(text[at : at+n]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// readDateTime reads the date, time and fraction at the start of text.
func readDateTime(text string) (d dateTime, ok bool) {
	if len(text) < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' {
		return d, false
	}
	fields := [...]struct {
		at, n int
		to    *int
	}{{0, 4, &d.year}, {5, 2, &d.month}, {8, 2, &d.day}, {11, 2, &d.hour}, {14, 2, &d.minute}, {17, 2, &d.second}}
	for _, f := range fields {
		if *f.to, ok = number(text, f.at, f.n); !ok {
			return d, false
		}
	}
	d.zone = 19
	if text[19] == '.' {
		for d.zone = 20; d.zone < len(text) && text[d.zone] >= '0' && text[d.zone] <= '9'; d.zone++ {
		}
		digits := d.zone - 20
		if digits < 1 || digits > 9 {
			return d, false
		}
		d.nanosecond, _ = number(text, 20, digits)
		for ; digits < 9; digits++ {
			d.nanosecond *= 10
		}
	}
	return d, true
}

// utcTime is text when it ends in "Z", in UTC.
func utcTime(text string) (time.Time, bool) {
	d, ok := readDateTime(text)
	if !ok || d.zone != len(text)-1 || text[d.zone] != 'Z' {
		return time.Time{}, false
	}
	return time.Date(d.year, time.Month(d.month), d.day, d.hour, d.minute, d.second, d.nanosecond, time.UTC), true
}
