package roomcodes_test

import (
	"errors"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hms-room-codes/roomcodes"
)

// Every kind, with the name of its hms_status constant and its sentinel.
var kinds = []struct {
	kind     roomcodes.Kind
	constant string
	sentinel error
}{
	{roomcodes.KindInvalidArgument, "HMS_STATUS_INVALID_ARGUMENT", roomcodes.ErrInvalidArgument},
	{roomcodes.KindUnauthorized, "HMS_STATUS_UNAUTHORIZED", roomcodes.ErrUnauthorized},
	{roomcodes.KindRoomDisabled, "HMS_STATUS_ROOM_DISABLED", roomcodes.ErrRoomDisabled},
	{roomcodes.KindForbidden, "HMS_STATUS_FORBIDDEN", roomcodes.ErrForbidden},
	{roomcodes.KindRoomNotFound, "HMS_STATUS_ROOM_NOT_FOUND", roomcodes.ErrRoomNotFound},
	{roomcodes.KindRoleNotFound, "HMS_STATUS_ROLE_NOT_FOUND", roomcodes.ErrRoleNotFound},
	{roomcodes.KindCodeNotFound, "HMS_STATUS_CODE_NOT_FOUND", roomcodes.ErrCodeNotFound},
	{roomcodes.KindNotFound, "HMS_STATUS_NOT_FOUND", roomcodes.ErrNotFound},
	{roomcodes.KindBadRequest, "HMS_STATUS_BAD_REQUEST", roomcodes.ErrBadRequest},
	{roomcodes.KindRateLimited, "HMS_STATUS_RATE_LIMITED", roomcodes.ErrRateLimited},
	{roomcodes.KindServer, "HMS_STATUS_SERVER", roomcodes.ErrServer},
	{roomcodes.KindUnexpectedStatus, "HMS_STATUS_UNEXPECTED_STATUS", roomcodes.ErrUnexpectedStatus},
	{roomcodes.KindTimeout, "HMS_STATUS_TIMEOUT", roomcodes.ErrTimeout},
	{roomcodes.KindNetwork, "HMS_STATUS_NETWORK", roomcodes.ErrNetwork},
	{roomcodes.KindDecode, "HMS_STATUS_DECODE", roomcodes.ErrDecode},
	{roomcodes.KindInternal, "HMS_STATUS_INTERNAL", roomcodes.ErrInternal},
}

// The Go kinds are the header's hms_status values, one for one, with the same names.
func TestKindsMatchTheHeader(t *testing.T) {
	header, err := os.ReadFile("../c/include/hms_room_codes.h")
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]int{}
	for _, m := range regexp.MustCompile(`(?m)^\s*(HMS_STATUS_\w+) = (\d+),`).FindAllSubmatch(header, -1) {
		values[string(m[1])], _ = strconv.Atoi(string(m[2]))
	}
	if len(values) != len(kinds)+1 || values["HMS_STATUS_OK"] != 0 {
		t.Fatalf("the header has %d statuses: %v", len(values), values)
	}
	for _, k := range kinds {
		value, ok := values[k.constant]
		if !ok || roomcodes.Kind(value) != k.kind {
			t.Errorf("%s is %d in the header, the Go kind is %d", k.constant, value, k.kind)
		}
		if name := strings.ToLower(strings.TrimPrefix(k.constant, "HMS_STATUS_")); k.kind.String() != name {
			t.Errorf("kind %d is named %q, want %q", k.kind, k.kind.String(), name)
		}
	}
	if roomcodes.Kind(99).String() != "unknown" {
		t.Error(roomcodes.Kind(99).String())
	}
}

func TestEveryKindHasASentinelForErrorsIs(t *testing.T) {
	for _, k := range kinds {
		var err error = &roomcodes.Error{Kind: k.kind, Message: "m", HTTPStatus: 404}
		if !errors.Is(err, k.sentinel) {
			t.Errorf("errors.Is(%v, its sentinel) is false", err)
		}
		for _, other := range kinds {
			if other.kind != k.kind && errors.Is(err, other.sentinel) {
				t.Errorf("%v matches the sentinel of %v", err, other.kind)
			}
		}
	}
	err := &roomcodes.Error{Kind: roomcodes.KindRoomNotFound, Message: "room not found", HTTPStatus: 404}
	if err.Error() != "room_not_found: room not found (HTTP 404)" || roomcodes.ErrServer.Error() != "server" {
		t.Fatal(err.Error(), roomcodes.ErrServer.Error())
	}
}

// Every kind a request can produce, through the Go API (internal, which only a
// bug can produce, is covered by the Rust tests of the C layer).
func TestEveryErrorKind(t *testing.T) {
	client := newClient(t, settings())
	room := newRoom(t, "")
	code, err := client.CreateForRole(ctx, room, "host")
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, err error, sentinel error, status int) *roomcodes.Error {
		t.Helper()
		var e *roomcodes.Error
		if !errors.As(err, &e) || !errors.Is(err, sentinel) || e.HTTPStatus != status || e.Message == "" {
			t.Errorf("%s: want %v with HTTP %d, got %#v", name, sentinel, status, err)
			return &roomcodes.Error{}
		}
		return e
	}

	_, err = client.CreateForRole(ctx, "", "host")
	check("empty room", err, roomcodes.ErrInvalidArgument, 0)

	bad := newClient(t, roomcodes.Config{ManagementToken: "wrong", BaseURL: os.Getenv("HMS_API_BASE_URL")})
	_, err = bad.Create(ctx, room)
	check("wrong token", err, roomcodes.ErrUnauthorized, http.StatusUnauthorized)

	_, err = client.Create(ctx, "no-such-room")
	check("unknown room", err, roomcodes.ErrRoomNotFound, http.StatusNotFound)
	_, err = client.CreateForRole(ctx, room, "no-such-role")
	check("unknown role", err, roomcodes.ErrRoleNotFound, http.StatusNotFound)
	_, err = client.SetEnabled(ctx, "no-such-code", true)
	check("unknown code", err, roomcodes.ErrCodeNotFound, http.StatusNotFound)
	_, err = client.AuthTokenForCode(ctx, "no-such-code", "")
	check("unknown code for a token", err, roomcodes.ErrCodeNotFound, http.StatusNotFound)

	fault(t, "GET", roomPath(room), map[string]any{"status": 404, "body": "<html>Not Found</html>", "content_type": "text/html"})
	_, err = client.List(ctx, room, nil)
	check("a proxy's 404", err, roomcodes.ErrNotFound, http.StatusNotFound)

	_, err = client.ListPage(ctx, room, &roomcodes.ListFilter{Start: "not-a-cursor"})
	if e := check("a bad cursor", err, roomcodes.ErrBadRequest, http.StatusBadRequest); len(e.Details) != 1 || !strings.Contains(e.Details[0], "cursor") {
		t.Errorf("details: %q", e.Details)
	}

	fault(t, "POST", roomPath(room)+"/role/host", map[string]any{"status": 429, "retry_after": "60"})
	_, err = client.CreateForRole(ctx, room, "host")
	if e := check("429 beyond the cap", err, roomcodes.ErrRateLimited, http.StatusTooManyRequests); e.RetryAfter != time.Minute {
		t.Errorf("RetryAfter %v", e.RetryAfter)
	}

	fault(t, "POST", roomPath(room)+"/role/host", map[string]any{"status": 500})
	_, err = client.CreateForRole(ctx, room, "host")
	check("500", err, roomcodes.ErrServer, http.StatusInternalServerError)

	fault(t, "POST", roomPath(room), map[string]any{"action": "redirect", "location": "http://127.0.0.2:1/elsewhere"})
	_, err = client.Create(ctx, room)
	check("a redirect", err, roomcodes.ErrUnexpectedStatus, http.StatusTemporaryRedirect)

	quick := settings()
	quick.Timeout = 300 * time.Millisecond
	fault(t, "POST", roomPath(room)+"/role/guest", map[string]any{"delay_ms": 1500})
	_, err = newClient(t, quick).CreateForRole(ctx, room, "guest")
	check("a slow answer", err, roomcodes.ErrTimeout, 0)
	if !isTimeout(err) {
		t.Errorf("an attempt's timeout does not match context.DeadlineExceeded: %v", err)
	}

	nowhere := settings()
	nowhere.BaseURL, nowhere.MaxRetries = "http://127.0.0.1:1/v2", roomcodes.Retries(0)
	_, err = newClient(t, nowhere).Create(ctx, room)
	check("nobody listening", err, roomcodes.ErrNetwork, 0)
	if err == nil || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("a network error does not name host:port: %v", err)
	}

	// A base URL without /v2: the emulator's "route not found" is no missing room.
	unrouted := settings()
	unrouted.BaseURL = strings.TrimSuffix(unrouted.BaseURL, "/v2")
	_, err = newClient(t, unrouted).Create(ctx, room)
	check("a base URL without /v2", err, roomcodes.ErrNotFound, http.StatusNotFound)
	if err == nil || !strings.Contains(err.Error(), "base URL") {
		t.Errorf("no hint at the base URL: %v", err)
	}

	fault(t, "POST", roomPath(room), map[string]any{"action": "not_json"})
	_, err = client.Create(ctx, room)
	check("a body that is not JSON", err, roomcodes.ErrDecode, http.StatusOK)

	// A timestamp the service did not send is nil; one that is not RFC 3339 is decode.
	sent := func(timestamps string) string {
		return `{"code":"abc-defg-hij","room_id":"r","role":"guest","enabled":true` + timestamps + `}`
	}
	fault(t, "POST", roomPath(room)+"/role/guest", map[string]any{"status": 200, "body": sent(`,"updated_at":"2024-01-02T03:04:05Z"`)})
	if code, err := client.CreateForRole(ctx, room, "guest"); err != nil || code.CreatedAt != nil ||
		code.UpdatedAt == nil || !code.UpdatedAt.Equal(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)) {
		t.Errorf("absent created_at: %+v %v", code, err)
	}
	fault(t, "POST", roomPath(room)+"/role/guest", map[string]any{"status": 200, "body": sent(`,"created_at":"yesterday"`)})
	_, err = client.CreateForRole(ctx, room, "guest")
	check("a timestamp that is not RFC 3339", err, roomcodes.ErrDecode, http.StatusOK)

	disableRoom(t, room)
	_, err = client.Create(ctx, room)
	check("a disabled room", err, roomcodes.ErrRoomDisabled, http.StatusForbidden)
	_, err = client.SetEnabled(ctx, code.Code, true)
	check("enabling a code of a disabled room", err, roomcodes.ErrForbidden, http.StatusForbidden)
}
