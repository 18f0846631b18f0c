package roomcodes_test

// Config.OnEvent: the library's events, on the calling goroutine; the
// request id on errors; and no secret in any event.

import (
	"fmt"
	"log"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/hms-room-codes/roomcodes"
)

// recorder keeps every event a client hands it.
type recorder struct {
	mu     sync.Mutex
	events []roomcodes.Event
}

func (r *recorder) hook(e roomcodes.Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, e)
}

func (r *recorder) take() []roomcodes.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	events := r.events
	r.events = nil
	return events
}

func names(events []roomcodes.Event) string {
	var s []string
	for _, e := range events {
		s = append(s, e.Name)
	}
	return strings.Join(s, " ")
}

func TestEventsComeFromTheLibraryOnTheCallingGoroutine(t *testing.T) {
	var got recorder
	config := settings()
	config.OnEvent = func(e roomcodes.Event) {
		// The caller's frames are on the stack: the hook runs on its goroutine.
		if !strings.Contains(string(debug.Stack()), "TestEventsComeFromTheLibraryOnTheCallingGoroutine") {
			t.Errorf("%s was not delivered on the calling goroutine", e.Name)
		}
		got.hook(e)
	}
	client := newClient(t, config)
	room := newRoom(t, "")
	fault(t, "GET", roomPath(room), map[string]any{"status": 503, "count": 1})
	if _, err := client.ListPage(ctx, room, nil); err != nil {
		t.Fatal(err)
	}
	events := got.take()
	want := "attempt_started response retry_wait attempt_started response call_ended"
	if names(events) != want {
		t.Fatalf("events %q, want %q", names(events), want)
	}
	for _, e := range events {
		if e.Operation != "ListPage" || !strings.HasPrefix(e.Line, "hms "+e.Name+" operation=ListPage") ||
			e.String() != e.Line {
			t.Errorf("%+v", e)
		}
	}
	failed, retried, ended := events[1], events[2], events[5]
	if failed.HTTPStatus != 503 || failed.Attempt != 1 || failed.Level != roomcodes.EventDebug ||
		!strings.HasPrefix(failed.RequestID, "emu-") || !strings.Contains(failed.Line, "request_id="+failed.RequestID) {
		t.Errorf("the 503: %+v", failed)
	}
	if retried.Attempt != 2 || retried.Wait <= 0 || retried.Wait > config.BackoffCap || retried.Level != roomcodes.EventInfo {
		t.Errorf("the wait: %+v", retried)
	}
	if ended.Attempt != 2 || ended.Kind != 0 || ended.Level != roomcodes.EventInfo || ended.Elapsed < 0 {
		t.Errorf("the end: %+v", ended)
	}

	// A failed call ends at warn, naming its kind; the error and the event carry the same request id.
	_, err := client.CreateForRole(ctx, "no-such-room", "viewer")
	e := mustKind(t, err, roomcodes.KindRoomNotFound)
	events = got.take()
	ended = events[len(events)-1]
	if ended.Name != "call_ended" || ended.Operation != "CreateForRole" || ended.Kind != roomcodes.KindRoomNotFound ||
		ended.Level != roomcodes.EventWarn || !strings.Contains(ended.Line, "result=room_not_found") {
		t.Errorf("the end of a failed call: %+v", ended)
	}
	if e.RequestID == "" || e.RequestID != events[len(events)-2].RequestID {
		t.Errorf("request id %q, the response's %q", e.RequestID, events[len(events)-2].RequestID)
	}
	if want := fmt.Sprintf(" (HTTP 404) [request id %s]", e.RequestID); !strings.HasSuffix(e.Error(), want) {
		t.Errorf("Error() %q does not end with %q", e.Error(), want)
	}
}

// A network failure has no response, so neither a status nor a request id.
func TestAnErrorWithoutAResponseHasNoRequestID(t *testing.T) {
	var got recorder
	config := settings()
	config.BaseURL, config.AuthBaseURL = "http://127.0.0.1:1/v2", "http://127.0.0.1:1/v2"
	config.MaxRetries = roomcodes.Retries(0)
	config.OnEvent = got.hook
	_, err := newClient(t, config).ListPage(ctx, "room", nil)
	e := mustKind(t, err, roomcodes.KindNetwork)
	if e.RequestID != "" || strings.Contains(e.Error(), "request id") {
		t.Errorf("%v", e)
	}
	if names(got.take()) != "attempt_started transport_failure call_ended" {
		t.Errorf("events of a refused connection: %q", names(got.take()))
	}
}

// A hook that panics does not break the call, nor the library: the panic is logged.
func TestAPanickingHookLeavesTheCallWhole(t *testing.T) {
	var logged strings.Builder
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	config := settings()
	config.OnEvent = func(roomcodes.Event) { panic("a bug in the hook") }
	room := newRoom(t, "")
	if _, err := newClient(t, config).CreateForRole(ctx, room, "viewer"); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(logged.String(), "Config.OnEvent panicked (the call goes on): a bug in the hook"); n != 3 {
		t.Errorf("%d panics logged, want 3 (attempt, response, end):\n%s", n, logged.String())
	}
}

// With the most verbose hook on, no credential, token or JWT shows in any
// event: app keys signing their own tokens, a fixed token, a retry and an
// auth token exchange.
func TestNoSecretInEvents(t *testing.T) {
	var got recorder
	signed := settings()
	fixed := settings()
	fixed.AccessKey, fixed.AppSecret, fixed.ManagementToken = "", "", os.Getenv("HMS_MANAGEMENT_TOKEN")
	room := newRoom(t, "")
	clearRequests(t)
	secrets := []string{fixed.ManagementToken, signed.AppSecret}
	for _, config := range []roomcodes.Config{signed, fixed} {
		config.OnEvent = got.hook
		client := newClient(t, config)
		fault(t, "POST", roomPath(room), map[string]any{"status": 429, "retry_after": "0", "count": 1})
		codes, err := client.Create(ctx, room)
		if err != nil {
			t.Fatal(err)
		}
		token, err := client.AuthTokenForCode(ctx, codes[0].Code, "user-1")
		if err != nil {
			t.Fatal(err)
		}
		secrets = append(secrets, token.Token)
	}
	events := got.take()
	if want := "retry_wait"; len(events) < 12 || !strings.Contains(names(events), want) {
		t.Fatalf("too few events to judge: %q", names(events))
	}
	var shown strings.Builder
	for _, e := range events {
		fmt.Fprintf(&shown, "%+v %#v %s\n", e, e, e)
	}
	var log []struct{ Headers map[string]string }
	emulator(t, "GET", "/_emulator/requests", nil, &log)
	for _, entry := range log {
		if sent := strings.TrimPrefix(entry.Headers["authorization"], "Bearer "); sent != "" {
			secrets = append(secrets, sent)
		}
	}
	if jwts := strings.Count(strings.Join(secrets, " "), "eyJ"); jwts < 3 {
		t.Fatalf("%d JWTs among the secrets (signed management tokens, auth tokens), want 3 or more", jwts)
	}
	for _, s := range secrets {
		if s == "" || strings.Contains(shown.String(), s) {
			t.Errorf("%q is in an event:\n%s", s, shown.String())
		}
	}
	// No JWT of any origin: a JWT's first segment is base64 JSON, "eyJ...".
	if strings.Contains(shown.String(), "eyJ") {
		t.Errorf("a JWT is in an event:\n%s", shown.String())
	}
}
