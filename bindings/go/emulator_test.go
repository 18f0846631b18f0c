package roomcodes_test

import (
	"fmt"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/hms-room-codes/roomcodes"
	"github.com/hms-room-codes/roomcodes/internal/emulatorcall"
)

// The emulator's address comes from scripts/with-emulator.sh (make test-go).
func emulatorURL(t testing.TB) string {
	t.Helper()
	url := os.Getenv("HMS_EMULATOR_URL")
	if url == "" {
		t.Fatal("HMS_EMULATOR_URL is not set: run the tests under scripts/with-emulator.sh (make test-go)")
	}
	return url
}

// emulator sends one request to the emulator and decodes its JSON answer into out (if not nil).
func emulator(t testing.TB, method, path string, body any, out any) {
	t.Helper()
	emulatorAt(t, emulatorURL(t), method, path, body, out)
}

// emulatorAt is emulator for the emulator at url.
func emulatorAt(t testing.TB, url, method, path string, body any, out any) {
	t.Helper()
	err := emulatorcall.Call(http.DefaultClient, url, os.Getenv("HMS_MANAGEMENT_TOKEN"), method, path, body, out)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
}

// newRoom creates a room with template (or the default one: host, guest, viewer).
func newRoom(t testing.TB, template string) string {
	t.Helper()
	body := map[string]any{}
	if template != "" {
		body["template_id"] = template
	}
	var room struct{ ID string }
	emulator(t, "POST", "/v2/rooms", body, &room)
	return room.ID
}

func disableRoom(t testing.TB, roomID string) {
	t.Helper()
	emulator(t, "POST", "/v2/rooms/"+roomID, map[string]any{"enabled": false}, nil)
}

func defineTemplate(t testing.TB, id string, roles []string) {
	t.Helper()
	emulator(t, "POST", "/_emulator/templates", map[string]any{"id": id, "roles": roles}, nil)
}

// fault queues a fault rule for exactly method + path (see the emulator).
func fault(t testing.TB, method, path string, rule map[string]any) {
	t.Helper()
	rule["method"], rule["path"], rule["match"] = method, path, "exact"
	emulator(t, "POST", "/_emulator/faults", rule, nil)
}

func clearFaults(t testing.TB) { emulator(t, "DELETE", "/_emulator/faults", nil, nil) }

func clearRequests(t testing.TB) { emulator(t, "DELETE", "/_emulator/requests", nil, nil) }

// requests counts logged requests to method + path ("" matches any).
func requests(t testing.TB, method, path string) int {
	t.Helper()
	var log []struct{ Method, Path string }
	emulator(t, "GET", "/_emulator/requests", nil, &log)
	n := 0
	for _, r := range log {
		if (method == "" || r.Method == method) && (path == "" || r.Path == path) {
			n++
		}
	}
	return n
}

func roomPath(roomID string) string { return "/v2/room-codes/room/" + roomID }

// settings is a Config aimed at the emulator, signing with its app keys and backing off fast.
func settings() roomcodes.Config {
	return roomcodes.Config{
		AccessKey:   os.Getenv("HMS_EMULATOR_ACCESS_KEY"),
		AppSecret:   os.Getenv("HMS_EMULATOR_SECRET"),
		BaseURL:     os.Getenv("HMS_API_BASE_URL"),
		AuthBaseURL: os.Getenv("HMS_AUTH_BASE_URL"),
		BackoffBase: 10 * time.Millisecond,
		BackoffCap:  2 * time.Second,
	}
}

func newClient(t testing.TB, config roomcodes.Config) *roomcodes.Client {
	t.Helper()
	client, err := roomcodes.NewClient(config)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	return client
}

// mustKind fails unless err is an *roomcodes.Error of kind want.
func mustKind(t testing.TB, err error, want roomcodes.Kind) *roomcodes.Error {
	t.Helper()
	e, ok := err.(*roomcodes.Error)
	if !ok || e.Kind != want {
		t.Fatalf("want a %v error, got %v", want, err)
	}
	return e
}

func TestMain(m *testing.M) {
	if os.Getenv("HMS_EMULATOR_URL") == "" {
		fmt.Fprintln(os.Stderr, "run the tests under scripts/with-emulator.sh (make test-go)")
		os.Exit(2)
	}
	os.Exit(m.Run())
}
