package roomcodes_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hms-room-codes/roomcodes"
)

var ctx = context.Background()

func TestCreateGivesACodeForEveryRole(t *testing.T) {
	client := newClient(t, settings())
	room := newRoom(t, "")
	codes, err := client.Create(ctx, room)
	if err != nil {
		t.Fatal(err)
	}
	roles := []string{"host", "guest", "viewer"}
	if len(codes) != len(roles) {
		t.Fatalf("want %d codes, got %+v", len(roles), codes)
	}
	for i, code := range codes {
		if code.Role != roles[i] || code.RoomID != room || !code.Enabled || code.Code == "" {
			t.Errorf("code %d: %+v", i, code)
		}
		if code.CreatedAt == nil || code.UpdatedAt == nil || time.Since(*code.CreatedAt) > time.Minute {
			t.Errorf("timestamps of code %d: %v %v", i, code.CreatedAt, code.UpdatedAt)
		}
	}
	again, err := client.Create(ctx, room)
	if err != nil || len(again) != 3 || again[0].Code != codes[0].Code {
		t.Fatalf("a second Create returns the same codes: %+v %v", again, err)
	}
}

func TestCreateForRole(t *testing.T) {
	client := newClient(t, settings())
	room := newRoom(t, "")
	code, err := client.CreateForRole(ctx, room, "viewer")
	if err != nil {
		t.Fatal(err)
	}
	if code.Role != "viewer" || code.RoomID != room || !code.Enabled {
		t.Fatalf("%+v", code)
	}
}

func TestListFetchesEveryPage(t *testing.T) {
	client := newClient(t, settings())
	room := newRoom(t, "")
	for i := 0; i < 25; i++ {
		role := "guest"
		if i%5 == 0 {
			role = "host"
		}
		if _, err := client.CreateForRole(ctx, room, role); err != nil {
			t.Fatal(err)
		}
	}
	all, err := client.List(ctx, room, nil)
	if err != nil || len(all) != 25 {
		t.Fatalf("want 25 codes, got %d (%v)", len(all), err)
	}
	guests, err := client.List(ctx, room, &roomcodes.ListFilter{Role: "guest", Limit: 10})
	if err != nil || len(guests) != 20 {
		t.Fatalf("want 20 guest codes, got %d (%v)", len(guests), err)
	}
	for _, code := range guests {
		if code.Role != "guest" {
			t.Errorf("%+v", code)
		}
	}
	empty, err := client.List(ctx, newRoom(t, ""), nil)
	if err != nil || empty == nil || len(empty) != 0 {
		t.Fatalf("an empty room lists nothing: %v %v", empty, err)
	}
}

func TestListPageWalksTheCursor(t *testing.T) {
	client := newClient(t, settings())
	room := newRoom(t, "")
	for i := 0; i < 23; i++ {
		if _, err := client.CreateForRole(ctx, room, "host"); err != nil {
			t.Fatal(err)
		}
	}
	filter := &roomcodes.ListFilter{Limit: 10}
	seen, pages := 0, 0
	for {
		page, err := client.ListPage(ctx, room, filter)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		seen += len(page.Data)
		if page.Limit != 10 {
			t.Errorf("limit %d", page.Limit)
		}
		if page.Last == "" || pages > 5 {
			break
		}
		filter.Start = page.Last
	}
	if seen != 23 || pages != 3 {
		t.Fatalf("saw %d codes on %d pages", seen, pages)
	}
}

func TestSetEnabledAndTheEnabledFilter(t *testing.T) {
	client := newClient(t, settings())
	room := newRoom(t, "")
	code, _ := client.CreateForRole(ctx, room, "guest")
	if _, err := client.CreateForRole(ctx, room, "guest"); err != nil {
		t.Fatal(err)
	}
	updated, err := client.SetEnabled(ctx, code.Code, false)
	if err != nil || updated.Enabled || updated.Code != code.Code || updated.UpdatedAt == nil || code.UpdatedAt == nil ||
		!updated.UpdatedAt.After(*code.UpdatedAt) {
		t.Fatalf("%+v %v", updated, err)
	}
	no, yes := false, true
	disabled, err := client.List(ctx, room, &roomcodes.ListFilter{Enabled: &no})
	if err != nil || len(disabled) != 1 || disabled[0].Code != code.Code {
		t.Fatalf("%+v %v", disabled, err)
	}
	enabled, err := client.List(ctx, room, &roomcodes.ListFilter{Enabled: &yes})
	if err != nil || len(enabled) != 1 || enabled[0].Code == code.Code {
		t.Fatalf("%+v %v", enabled, err)
	}
	again, err := client.SetEnabled(ctx, code.Code, true)
	if err != nil || !again.Enabled {
		t.Fatalf("%+v %v", again, err)
	}
}

func TestAuthTokenForCode(t *testing.T) {
	client := newClient(t, settings())
	code, err := client.CreateForRole(ctx, newRoom(t, ""), "host")
	if err != nil {
		t.Fatal(err)
	}
	for _, user := range []string{"user-1", ""} {
		token, err := client.AuthTokenForCode(ctx, code.Code, user)
		if err != nil || strings.Count(token, ".") != 2 {
			t.Fatalf("user %q: %q %v", user, token, err)
		}
	}
}

func TestRoomLink(t *testing.T) {
	link, err := roomcodes.RoomLink(roomcodes.RoomLinkOptions{Subdomain: "MyApp", Code: "abc-defg-hij", UserID: "u&1", Name: "Zoë Q"})
	if want := "https://myapp.app.100ms.live/meeting/abc-defg-hij?userId=u%261&name=Zo%C3%AB%20Q"; link != want || err != nil {
		t.Fatalf("%q %v", link, err)
	}
	link, err = roomcodes.RoomLink(roomcodes.RoomLinkOptions{Domain: "meet.example.com:8443", Code: "a/b"})
	if link != "https://meet.example.com:8443/a%2Fb" || err != nil {
		t.Fatalf("%q %v", link, err)
	}
	for _, bad := range []roomcodes.RoomLinkOptions{
		{Subdomain: "a", Domain: "b.com", Code: "c"},
		{Code: "c"},
		{Subdomain: "a"},
		{Subdomain: "a", Code: "c\x00d"},
	} {
		_, err := roomcodes.RoomLink(bad)
		mustKind(t, err, roomcodes.KindInvalidArgument)
	}
}

func TestNewClientChecksItsSettings(t *testing.T) {
	for name, config := range map[string]roomcodes.Config{
		"http to another host":  {BaseURL: "http://example.invalid/v2"},
		"http to another auth":  {AuthBaseURL: "http://example.invalid/v2"},
		"a malformed URL":       {BaseURL: "not a url"},
		"a blank token":         {ManagementToken: "  "},
		"a key without secret":  {AccessKey: "key"},
		"a NUL in the token":    {ManagementToken: "a\x00b"},
		"invalid UTF-8":         {ManagementToken: "\xff"},
		"a negative body limit": {MaxResponseBytes: -1},
		"a negative timeout":    {Timeout: -time.Second},
	} {
		_, err := roomcodes.NewClient(config)
		if !errors.Is(err, roomcodes.ErrInvalidArgument) {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Accepted with the opt-in; nothing is sent to the host.
	client, err := roomcodes.NewClient(roomcodes.Config{BaseURL: "http://example.invalid/v2",
		AuthBaseURL: "http://example.invalid/v2", AllowInsecureHTTP: true, MaxRetries: roomcodes.Retries(0)})
	if err != nil {
		t.Fatal(err)
	}
	client.Close()
}

func TestNewClientFromEnv(t *testing.T) {
	client, err := roomcodes.NewClientFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	if _, err := client.Create(ctx, newRoom(t, "")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HMS_API_BASE_URL", "http://example.com/v2")
	if _, err := roomcodes.NewClientFromEnv(); !errors.Is(err, roomcodes.ErrInvalidArgument) {
		t.Fatalf("want invalid_argument, got %v", err)
	}
}

func TestCloseIsFinal(t *testing.T) {
	client, err := roomcodes.NewClient(settings())
	if err != nil {
		t.Fatal(err)
	}
	room := newRoom(t, "")
	if err := client.Close(); err != nil {
		t.Fatal(err)
	}
	if err := client.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = client.Create(ctx, room)
	mustKind(t, err, roomcodes.KindInvalidArgument)
	if !strings.Contains(err.Error(), "closed") {
		t.Fatal(err)
	}
}

func TestEnvironmentIsTheEmulator(t *testing.T) {
	if !strings.HasPrefix(os.Getenv("HMS_API_BASE_URL"), "http://127.0.0.1:") {
		t.Fatalf("the tests expect the emulator on loopback, not %q", os.Getenv("HMS_API_BASE_URL"))
	}
}
