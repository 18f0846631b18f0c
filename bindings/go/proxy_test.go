package roomcodes_test

// Config.Proxy and the proxy environment variables, for real: https through
// the tinyproxy of scripts/with-proxy.sh by CONNECT, over TLS to an emulator.

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hms-room-codes/roomcodes"
)

// proxyConnects counts the CONNECTs to 127.0.0.1 in the proxy's log.
func proxyConnects(t *testing.T) int {
	t.Helper()
	log, err := os.ReadFile(os.Getenv("HMS_TEST_PROXY_LOG"))
	if err != nil {
		t.Fatalf("the proxy's log: %v", err)
	}
	return strings.Count(string(log), "CONNECT 127.0.0.1:")
}

// tlsEmulatorConfig is a config for a new HTTPS emulator, trusting its CA, without retries.
func tlsEmulatorConfig(t *testing.T) roomcodes.Config {
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	base := spawnEmulator(t, "--tls", "--ca-out", caFile) + "/v2"
	caPEM, err := os.ReadFile(caFile)
	if err != nil {
		t.Fatal(err)
	}
	return roomcodes.Config{ManagementToken: os.Getenv("HMS_MANAGEMENT_TOKEN"), BaseURL: base, AuthBaseURL: base,
		CACertificatesPEM: string(caPEM), MaxRetries: roomcodes.Retries(0)}
}

func TestHTTPSThroughAProxy(t *testing.T) {
	proxy := os.Getenv("HMS_TEST_PROXY_URL")
	if proxy == "" {
		t.Fatal("run the tests under scripts/with-proxy.sh (make test-go does)")
	}
	config := tlsEmulatorConfig(t)
	// The answer of the emulator itself, whichever way the request went.
	ask := func(config roomcodes.Config) {
		t.Helper()
		if _, err := newClient(t, config).ListPage(ctx, "no-such-room", nil); !errors.Is(err, roomcodes.ErrRoomNotFound) {
			t.Fatalf("through %q: %v", config.Proxy, err)
		}
	}
	before := proxyConnects(t)
	ask(config)
	if proxyConnects(t) != before {
		t.Fatal("without a proxy setting, a request went through the proxy")
	}

	withPassword := config
	withPassword.Proxy = strings.Replace(proxy, "http://", "http://user:pr0xy-pa55@", 1)
	ask(withPassword)
	explicit := proxyConnects(t)
	if explicit != before+1 {
		t.Fatalf("Config.Proxy: %d CONNECTs, want %d", explicit, before+1)
	}
	if shown := fmt.Sprintf("%v %+v %#v", withPassword, withPassword, withPassword); strings.Contains(shown, "pr0xy-pa55") {
		t.Errorf("the proxy's password is shown: %s", shown)
	}

	t.Setenv("HTTPS_PROXY", proxy)
	ask(config)
	fromEnv := proxyConnects(t)
	if fromEnv != explicit+1 {
		t.Fatalf("HTTPS_PROXY: %d CONNECTs, want %d", fromEnv, explicit+1)
	}
	t.Setenv("NO_PROXY", "127.0.0.1")
	ask(config)
	if proxyConnects(t) != fromEnv {
		t.Fatal("NO_PROXY=127.0.0.1: the request went through the proxy")
	}
}

// A proxy that is not an http:// proxy URL, given or from the environment,
// and a proxy next to the caller's own HTTP client, are invalid arguments.
func TestBadProxiesAreRefusedByNewClient(t *testing.T) {
	config := settings()
	for _, bad := range []string{"socks5://127.0.0.1:1080", "https://127.0.0.1:3128", "http://127.0.0.1:3128/path", "http://:8"} {
		config.Proxy = bad
		_, err := roomcodes.NewClient(config)
		if e := mustKind(t, err, roomcodes.KindInvalidArgument); !strings.HasPrefix(e.Message, "Proxy ") {
			t.Errorf("%s: %v", bad, err)
		}
	}
	config.Proxy = ""
	t.Setenv("HTTPS_PROXY", "socks5://127.0.0.1:1080")
	_, err := roomcodes.NewClient(config)
	if e := mustKind(t, err, roomcodes.KindInvalidArgument); !strings.HasPrefix(e.Message, "HTTPS_PROXY ") {
		t.Errorf("a bad HTTPS_PROXY: %v", err)
	}
	t.Setenv("HTTPS_PROXY", "")

	config.Proxy, config.HTTPClient = "http://127.0.0.1:3128", &http.Client{}
	_, err = roomcodes.NewClient(config)
	if e := mustKind(t, err, roomcodes.KindInvalidArgument); !strings.Contains(e.Message, "with HTTPClient") {
		t.Errorf("Proxy with HTTPClient: %v", err)
	}
}

// A proxy that is not there is a network error naming it, not a hang.
func TestADeadProxyIsANetworkError(t *testing.T) {
	config := tlsEmulatorConfig(t)
	config.Proxy = "http://127.0.0.1:1"
	_, err := newClient(t, config).ListPage(ctx, "room", nil)
	mustKind(t, err, roomcodes.KindNetwork)
}
