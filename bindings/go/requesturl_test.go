package roomcodes

import (
	"net/url"
	"reflect"
	"testing"
)

func TestURLsParseAsURLParseAndNewRequestParseThem(t *testing.T) {
	var p urlParser
	for _, raw := range []string{
		"http://127.0.0.1:8080/v2/room-codes/room/abc/role/guest",
		"http://127.0.0.1:8080/v2/room-codes/room/abc?limit=10&enabled=true",
		"http://127.0.0.1:8080/v2/room-codes/room/a%2Fb/role/host",
		"http://127.0.0.1:8080/v2/room-codes/room/abc?role=a%26b",
		"http://127.0.0.1:8080/v2/room-codes/room/abc?",
		"http://127.0.0.1:8080/v2/room-codes/code",
		"https://auth.test/v2/token",
		"https://auth.test/v2/a b",
		"http://127.0.0.1:8080/v2/room-codes/room/x#frag",
		"http://user:pw@127.0.0.1:8080/v2/room-codes/code",
		"http://[::1]:/v2/room-codes/code",
		"http://[::1]:/v2/room-codes/room/r/role/guest",
		"http://h:/v2/x",
		"http://h:/v2/y?limit=1",
		"http://127.0.0.1:8080",
		"http://127.0.0.1:8080/v2/room-codes/room/abc/role/guest",
	} {
		want, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		want.Host = withoutEmptyPort(want.Host)
		got, err := p.parse(raw)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("parse(%q) = %#v, %v; want %#v", raw, got, err, want)
		}
	}
	if _, err := p.parse("http://h/\x7f"); err == nil {
		t.Error("a control character in a URL is an error, as for url.Parse")
	}
}

func TestEmptyPortsAreDroppedAsNewRequestDropsThem(t *testing.T) {
	for host, want := range map[string]string{"h": "h", "h:": "h", "h:80": "h:80", "[::1]": "[::1]", "[::1]:": "[::1]", "[::1]:443": "[::1]:443"} {
		if got := withoutEmptyPort(host); got != want {
			t.Errorf("withoutEmptyPort(%q) = %q, want %q", host, got, want)
		}
	}
}

func TestTheLastOriginIsReusedOnlyForPlainPathsAndQueries(t *testing.T) {
	var p urlParser
	if _, err := p.parse("http://127.0.0.1:8080/v2/room-codes/code"); err != nil {
		t.Fatal(err)
	}
	// A marked copy of the origin kept shows which parses reuse it.
	p.last.Store(&parsedOrigin{origin: "http://127.0.0.1:8080", url: url.URL{Scheme: "http", Host: "marked"}})
	for raw, reused := range map[string]bool{
		"http://127.0.0.1:8080/v2/room-codes/room/abc?limit=10": true,
		"http://127.0.0.1:8080/v2/room-codes/room/a%2Fb":        false,
		"http://127.0.0.1:80800/v2/x":                           false,
		"http://127.0.0.1:8080?limit=1":                         false,
	} {
		u, err := p.parse(raw)
		if err != nil || (u.Host == "marked") != reused {
			t.Errorf("parse(%q): host %q, %v; reused: want %v", raw, u.Host, err, reused)
		}
		p.last.Store(&parsedOrigin{origin: "http://127.0.0.1:8080", url: url.URL{Scheme: "http", Host: "marked"}})
	}
}
