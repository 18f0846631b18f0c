package roomcodes_test

// The safety promises through the Go API: TLS trust, redirects never followed,
// and secrets kept out of errors and formatted values.

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hms-room-codes/roomcodes"
)

// spawnEmulator starts another emulator (the binary scripts/with-emulator.sh
// names in HMS_EMULATOR_BIN) with args, stopped when the test ends; its URL.
func spawnEmulator(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command(os.Getenv("HMS_EMULATOR_BIN"), append([]string{"--port", "0"}, args...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting HMS_EMULATOR_BIN: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(line)
}

func TestTLSTrust(t *testing.T) {
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	base := spawnEmulator(t, "--tls", "--ca-out", caFile) + "/v2"
	caPEM, err := os.ReadFile(caFile)
	if err != nil {
		t.Fatal(err)
	}
	config := roomcodes.Config{ManagementToken: os.Getenv("HMS_MANAGEMENT_TOKEN"), BaseURL: base, AuthBaseURL: base}

	_, err = newClient(t, config).ListPage(ctx, "room", nil)
	e := mustKind(t, err, roomcodes.KindNetwork)
	if !strings.Contains(e.Message, "certificate is not trusted") || !strings.Contains(e.Message, "Config.CACertificatesPEM") {
		t.Errorf("message: %s", e.Message)
	}

	config.CACertificatesPEM = string(caPEM)
	trusting := newClient(t, config)
	if _, err := trusting.ListPage(ctx, "no-such-room", nil); !errors.Is(err, roomcodes.ErrRoomNotFound) {
		t.Errorf("over TLS: %v", err)
	}
	if _, err := trusting.AuthTokenForCode(ctx, "no-such-code", ""); !errors.Is(err, roomcodes.ErrCodeNotFound) {
		t.Errorf("over TLS: %v", err)
	}

	config.CACertificatesPEM = "not a certificate"
	if _, err := roomcodes.NewClient(config); !errors.Is(err, roomcodes.ErrInvalidArgument) {
		t.Errorf("a bad PEM: %v", err)
	}
}

// A 3xx to another host (a second emulator) ends the call; that host sees nothing.
func TestRedirectToAnotherHostSendsItNothing(t *testing.T) {
	var matrix faultMatrix
	readVectors(t, "faults.json", &matrix)
	other := spawnEmulator(t)
	client := newClient(t, roomcodes.Config{ManagementToken: os.Getenv("HMS_MANAGEMENT_TOKEN"),
		BaseURL: os.Getenv("HMS_API_BASE_URL"), AuthBaseURL: os.Getenv("HMS_AUTH_BASE_URL")})
	room := newRoom(t, "")
	code, err := client.CreateForRole(ctx, room, "guest")
	if err != nil {
		t.Fatal(err)
	}
	for _, status := range []int{301, 302, 303, 307, 308} {
		for name, op := range matrix.Operations {
			path := strings.ReplaceAll(op.Path, "{room}", room)
			fault(t, op.Method, path, map[string]any{"action": "redirect", "status": status, "location": other + path})
			err := runOperation(client, name, room, code.Code)
			if e := mustKind(t, err, roomcodes.KindUnexpectedStatus); e.HTTPStatus != status {
				t.Errorf("%s: HTTP %d, want %d", name, e.HTTPStatus, status)
			}
		}
	}
	var log []any
	emulatorAt(t, other, "GET", "/_emulator/requests", nil, &log)
	if len(log) != 0 {
		t.Fatalf("the other host got %d requests", len(log))
	}
}

// Neither the token, the app secret nor a JWT the client sent shows in an
// error or in a client or config formatted with %v, %+v, %#v or %s.
func TestNoSecretInErrorsOrFormatting(t *testing.T) {
	const token, secret = "go-m4n4gement-token-3c7a", "go-s3cr3t-app-secret-61d0"
	fixed := settings()
	fixed.AccessKey, fixed.AppSecret, fixed.ManagementToken = "", "", token
	signed := settings()
	signed.AppSecret = secret
	room := newRoom(t, "")
	clearRequests(t)
	var shown strings.Builder
	for _, config := range []roomcodes.Config{fixed, signed} {
		config.Timeout, config.MaxRetries = 300*time.Millisecond, roomcodes.Retries(0)
		client := newClient(t, config)
		fmt.Fprintf(&shown, "%v %+v %#v %s\n", config, config, config, config)
		encoded, err := json.Marshal(config)
		if err != nil || !strings.Contains(string(encoded), `"AccessKey":"`+config.AccessKey+`"`) {
			t.Fatalf("json.Marshal: %s %v", encoded, err)
		}
		shown.Write(encoded)
		for _, rule := range []map[string]any{nil, {"status": 500}, {"status": 429, "retry_after": "60"},
			{"action": "not_json"}, {"action": "reset"}, {"action": "redirect"}, {"delay_ms": 700}} {
			clearFaults(t)
			if rule != nil {
				fault(t, "GET", roomPath(room), rule)
			}
			_, err := client.ListPage(ctx, room, nil)
			if err == nil {
				t.Fatal("the credentials are not the emulator's: the call must fail")
			}
			fmt.Fprintf(&shown, "%v %+v %#v %s\n", client, err, err, err)
		}
	}
	for _, bad := range []roomcodes.Config{{ManagementToken: token + "\n"}, {AccessKey: "k", AppSecret: secret + "\a"}} {
		_, err := roomcodes.NewClient(bad)
		fmt.Fprintf(&shown, "%v %+v %#v\n", err, err, bad)
	}

	var log []struct{ Headers map[string]string }
	emulator(t, "GET", "/_emulator/requests", nil, &log)
	secrets, jwts := []string{token, secret}, 0
	for _, entry := range log {
		if sent := strings.TrimPrefix(entry.Headers["authorization"], "Bearer "); sent != "" {
			secrets = append(secrets, sent)
			if strings.HasPrefix(sent, "ey") {
				jwts++
			}
		}
	}
	if jwts == 0 {
		t.Fatal("no JWT was sent")
	}
	for _, s := range secrets {
		if strings.Contains(shown.String(), s) {
			t.Errorf("%q leaked into:\n%s", s, shown.String())
		}
	}
}
