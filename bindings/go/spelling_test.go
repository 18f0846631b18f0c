package roomcodes_test

import (
	"strings"
	"testing"

	"github.com/hms-room-codes/roomcodes"
)

// wantMessage fails unless err is an *roomcodes.Error whose message starts with prefix.
func wantMessage(t *testing.T, err error, prefix string) {
	t.Helper()
	var message string
	if e, ok := err.(*roomcodes.Error); ok {
		message = e.Message
	}
	if !strings.HasPrefix(message, prefix) {
		t.Errorf("got %v, want a message starting %q", err, prefix)
	}
}

// Messages name the method called and the Config field at fault as Go spells
// them, never the C header's or the core's names.
func TestMessagesNameGoMethodsAndFields(t *testing.T) {
	client := newClient(t, settings())
	_, err := client.CreateForRole(ctx, "", "host")
	wantMessage(t, err, "CreateForRole: roomID must not be empty")
	_, err = client.List(ctx, "", nil)
	wantMessage(t, err, "List: roomID")
	_, err = client.ListPage(ctx, "", nil)
	wantMessage(t, err, "ListPage: roomID")
	_, err = client.AuthTokenForCode(ctx, "code", " ")
	wantMessage(t, err, "AuthTokenForCode: userID")

	down := settings()
	down.BaseURL, down.MaxRetries = "http://127.0.0.1:1/v2", roomcodes.Retries(0)
	_, err = newClient(t, down).SetEnabled(ctx, "code", true)
	wantMessage(t, err, "SetEnabled to 127.0.0.1:1 failed: ")

	_, err = roomcodes.NewClient(roomcodes.Config{BaseURL: "ftp://example.com/v2"})
	wantMessage(t, err, "BaseURL ")

	t.Setenv("HMS_MANAGEMENT_TOKEN", "")
	t.Setenv("HMS_ACCESS_KEY", "")
	fromEnv, err := roomcodes.NewClientFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	defer fromEnv.Close()
	_, err = fromEnv.CreateForRole(ctx, "", "host")
	wantMessage(t, err, "CreateForRole: roomID must not be empty")
}
