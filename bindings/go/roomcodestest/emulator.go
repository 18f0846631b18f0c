// Package roomcodestest starts the hms-emulator binary, a local emulator of the 100ms Room
// Codes API, for the tests of code that uses package roomcodes: no account, no network, no
// Rust toolchain.
//
// Start finds the binary through the HMS_EMULATOR variable (its path), else as hms-emulator
// on PATH; it is a static binary in every release (hms-emulator-<version>-<target>.tar.gz).
//
//	func TestMyApp(t *testing.T) {
//		emu := roomcodestest.Start(t)
//		client, err := roomcodes.NewClient(emu.Config())
//		...
//		room := emu.CreateRoom()
//		emu.InjectFault(roomcodestest.Fault{Path: "/v2/room-codes", Status: 429, RetryAfter: "1"})
//	}
package roomcodestest

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/hms-room-codes/roomcodes"
	"github.com/hms-room-codes/roomcodes/internal/emulatorcall"
)

// startTimeout bounds how long Start waits for the emulator to print its URL.
const startTimeout = 10 * time.Second

// Emulator is a running hms-emulator, stopped when the test ends. Its methods end the test
// (t.Fatal) when the emulator cannot do what they ask.
type Emulator struct {
	// URL is the emulator's root, http://127.0.0.1:PORT; the control API is under URL/_emulator.
	URL string
	// BaseURL is URL/v2, the API base URL.
	BaseURL string
	// AuthBaseURL is URL/v2 too, the token exchange's base URL.
	AuthBaseURL string
	// ManagementToken is the fixed management token the emulator accepts.
	ManagementToken string
	// AccessKey and AppSecret sign management tokens the emulator accepts.
	AccessKey, AppSecret string

	t    testing.TB
	http *http.Client
}

// Start starts an emulator on a free loopback port for this test and stops it when the
// test ends.
func Start(t testing.TB) *Emulator {
	t.Helper()
	binary, err := findBinary()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "--port", "0", "--quiet")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("roomcodestest: starting %s: %v", binary, err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	url, err := firstLine(stdout, startTimeout)
	if err != nil || !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("roomcodestest: %s printed no URL within %v (%q, %v)", binary, startTimeout, url, err)
	}
	return &Emulator{
		URL:             url,
		BaseURL:         url + "/v2",
		AuthBaseURL:     url + "/v2",
		ManagementToken: "emulator-management-token",
		AccessKey:       "emulator-access-key",
		AppSecret:       "emulator-app-secret",
		t:               t,
		http:            &http.Client{Timeout: 10 * time.Second},
	}
}

// findBinary is $HMS_EMULATOR, else hms-emulator on PATH.
func findBinary() (string, error) {
	if path := os.Getenv("HMS_EMULATOR"); path != "" {
		return path, nil
	}
	path, err := exec.LookPath("hms-emulator")
	if err != nil {
		return "", fmt.Errorf("roomcodestest: no emulator: set HMS_EMULATOR to the hms-emulator binary " +
			"or put it on PATH (a release's hms-emulator-<version>-<target>.tar.gz, or cargo install --locked --path emulator in a checkout)")
	}
	return path, nil
}

// firstLine reads the first line of r, waiting at most timeout; the rest of r is drained
// in the background so that the emulator never blocks on a full pipe.
func firstLine(r io.Reader, timeout time.Duration) (string, error) {
	lines := make(chan string, 1)
	errs := make(chan error, 1)
	go func() {
		reader := bufio.NewReader(r)
		line, err := reader.ReadString('\n')
		if err != nil {
			errs <- err
			return
		}
		lines <- strings.TrimSpace(line)
		_, _ = io.Copy(io.Discard, reader)
	}()
	select {
	case line := <-lines:
		return line, nil
	case err := <-errs:
		return "", err
	case <-time.After(timeout):
		return "", fmt.Errorf("timed out")
	}
}

// Config is a client configuration for this emulator: both base URLs and the management
// token. Change what your test needs (AccessKey and AppSecret instead of the token, retries).
func (e *Emulator) Config() roomcodes.Config {
	return roomcodes.Config{
		ManagementToken: e.ManagementToken,
		BaseURL:         e.BaseURL,
		AuthBaseURL:     e.AuthBaseURL,
	}
}

// CreateRoom creates a room with the default template (roles host, guest and viewer) and
// returns its id. It goes through the control API, so the request log does not show it.
func (e *Emulator) CreateRoom() string {
	return e.CreateRoomWithTemplate("default")
}

// CreateRoomWithTemplate creates a room whose roles are those of a template (see
// DefineTemplate) and returns its id.
func (e *Emulator) CreateRoomWithTemplate(templateID string) string {
	e.t.Helper()
	var room struct {
		ID string `json:"id"`
	}
	e.call("POST", "/_emulator/rooms", map[string]string{"template_id": templateID}, &room)
	return room.ID
}

// DefineTemplate defines (or replaces) a template with these roles.
func (e *Emulator) DefineTemplate(id string, roles ...string) {
	e.t.Helper()
	e.call("POST", "/_emulator/templates", map[string]any{"id": id, "roles": roles}, nil)
}

// Fault is one fault rule: the next Count (default 1) requests whose path starts with Path
// (and whose method is Method, when given) get it. See the emulator's README for every field.
type Fault struct {
	Method     string `json:"method,omitempty"`
	Path       string `json:"path"`
	Match      string `json:"match,omitempty"` // "prefix" (default) or "exact"
	Count      int    `json:"count,omitempty"`
	Status     int    `json:"status,omitempty"`
	Body       string `json:"body,omitempty"`
	RetryAfter string `json:"retry_after,omitempty"` // seconds or an HTTP date
	DelayMS    int    `json:"delay_ms,omitempty"`
	Action     string `json:"action,omitempty"` // "reset", "truncate", "not_json", "redirect", "endless_pages"
}

// InjectFault queues a fault rule.
func (e *Emulator) InjectFault(f Fault) {
	e.t.Helper()
	e.call("POST", "/_emulator/faults", f, nil)
}

// Request is one request the emulator received on /v2.
type Request struct {
	Method  string            `json:"method"`
	Path    string            `json:"path"`  // still percent-encoded
	Query   string            `json:"query"` // without "?"
	Headers map[string]string `json:"headers"`
	Body    string            `json:"body"`
}

// Requests returns the requests received on /v2 so far, oldest first.
func (e *Emulator) Requests() []Request {
	e.t.Helper()
	var requests []Request
	e.call("GET", "/_emulator/requests", nil, &requests)
	return requests
}

// ClearRequests forgets the request log.
func (e *Emulator) ClearRequests() {
	e.t.Helper()
	e.call("DELETE", "/_emulator/requests", nil, nil)
}

// Reset forgets every room, code, template, fault rule and logged request.
func (e *Emulator) Reset() {
	e.t.Helper()
	e.call("POST", "/_emulator/reset", nil, nil)
}

// call sends one JSON request and decodes the answer into out (when not nil).
func (e *Emulator) call(method, path string, body, out any) {
	e.t.Helper()
	if err := emulatorcall.Call(e.http, e.URL, e.ManagementToken, method, path, body, out); err != nil {
		e.t.Fatalf("roomcodestest: %s %s: %v", method, path, err)
	}
}
