package roomcodes_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
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
		if err != nil || strings.Count(token.Token, ".") != 2 {
			t.Fatalf("user %q: %+v %v", user, token, err)
		}
		if token.ExpiresAt == nil || !token.ExpiresAt.After(time.Now()) {
			t.Fatalf("user %q: expiry %v", user, token.ExpiresAt)
		}
	}
	// Only the base URL set: the token exchange goes there too.
	base := os.Getenv("HMS_API_BASE_URL")
	only := newClient(t, roomcodes.Config{BaseURL: base, ManagementToken: os.Getenv("HMS_MANAGEMENT_TOKEN")})
	if token, err := only.AuthTokenForCode(ctx, code.Code, ""); err != nil || token.ExpiresAt == nil {
		t.Fatalf("%+v %v", token, err)
	}
}

func TestAuthTokenPrintsRedacted(t *testing.T) {
	expires := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	token := roomcodes.AuthToken{Token: "eyJ.secret-payload.sig", ExpiresAt: &expires}
	type holder struct{ Auth roomcodes.AuthToken }
	marshalled, err := json.Marshal(holder{token})
	if err != nil {
		t.Fatal(err)
	}
	shown := []string{string(marshalled), token.String(), fmt.Sprint(token), fmt.Sprint(&token)}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
		shown = append(shown, fmt.Sprintf(verb, token), fmt.Sprintf(verb, holder{token}))
	}
	for _, text := range shown {
		if strings.Contains(text, "secret-payload") || strings.Contains(text, hex.EncodeToString([]byte("secret-payload"))) {
			t.Errorf("the token shows: %s", text)
		}
	}
	if !strings.Contains(fmt.Sprintf("%+v", token), "Token:<redacted>") || !strings.Contains(shown[0], "2030-01-02") {
		t.Errorf("%+v / %s", token, shown[0])
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

// The environment follows the options' rule: app keys come in pairs, and a
// token with keys is refused, each naming the variables.
func TestNewClientFromEnvRefusesHalfSetOrDoubledCredentials(t *testing.T) {
	token := os.Getenv("HMS_MANAGEMENT_TOKEN")
	for _, c := range []struct{ key, secret, token, named string }{
		{"k", "", "", "HMS_SECRET"},
		{"", "s", "", "HMS_ACCESS_KEY"},
		{"k", "s", token, "HMS_MANAGEMENT_TOKEN"},
		{"k", "", token, "HMS_MANAGEMENT_TOKEN"},
		{"k", "s", "", ""},
	} {
		t.Setenv("HMS_ACCESS_KEY", c.key)
		t.Setenv("HMS_SECRET", c.secret)
		t.Setenv("HMS_MANAGEMENT_TOKEN", c.token)
		client, err := roomcodes.NewClientFromEnv()
		if c.named == "" {
			if err != nil {
				t.Errorf("%+v: %v", c, err)
			} else {
				client.Close()
			}
			continue
		}
		if !errors.Is(err, roomcodes.ErrInvalidArgument) || !strings.Contains(err.Error(), c.named) {
			t.Errorf("%+v: want invalid_argument naming %s, got %v", c, c.named, err)
		}
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
