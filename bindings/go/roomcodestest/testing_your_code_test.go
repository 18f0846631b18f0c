package roomcodestest_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hms-room-codes/roomcodes"
	"github.com/hms-room-codes/roomcodes/roomcodestest"
)

// The "Testing your code" example of the README: a test as a user of package roomcodes
// writes it, with the emulator started for it.
func newClient(t *testing.T, emu *roomcodestest.Emulator) *roomcodes.Client {
	t.Helper()
	client, err := roomcodes.NewClient(emu.Config())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	return client
}

func TestRoomsTemplatesAndCodes(t *testing.T) {
	emu := roomcodestest.Start(t)
	client := newClient(t, emu)
	emu.DefineTemplate("webinar", "speaker", "audience")
	room := emu.CreateRoomWithTemplate("webinar")
	codes, err := client.Create(context.Background(), room)
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) != 2 || codes[0].Role != "speaker" || codes[1].Role != "audience" {
		t.Fatalf("codes: %+v", codes)
	}
	token, err := client.AuthTokenForCode(context.Background(), codes[0].Code, "user-1")
	if err != nil || strings.Count(token.Token, ".") != 2 {
		t.Fatalf("token %+v, %v", token, err)
	}
}

func TestA429WithRetryAfterIsWaitedFor(t *testing.T) {
	emu := roomcodestest.Start(t)
	client := newClient(t, emu)
	room := emu.CreateRoom()
	emu.InjectFault(roomcodestest.Fault{Path: "/v2/room-codes/room/", Status: 429, RetryAfter: "1"})
	started := time.Now()
	if _, err := client.CreateForRole(context.Background(), room, "guest"); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(started); waited < 900*time.Millisecond {
		t.Fatalf("Retry-After: 1 was not obeyed: %v", waited)
	}
	if n := len(emu.Requests()); n != 2 {
		t.Fatalf("%d requests, want a 429 and a retry", n)
	}
}

func TestA5xxADelayAndAReset(t *testing.T) {
	emu := roomcodestest.Start(t)
	client := newClient(t, emu)
	room := emu.CreateRoom()
	ctx := context.Background()
	// Three 503s: the first try and both retries fail.
	emu.InjectFault(roomcodestest.Fault{Path: "/v2/room-codes", Status: 503, Count: 3})
	if _, err := client.List(ctx, room, nil); !errors.Is(err, roomcodes.ErrServer) {
		t.Fatalf("want a server error, got %v", err)
	}
	// A slow answer: past a 200 ms deadline.
	emu.InjectFault(roomcodestest.Fault{Path: "/v2/room-codes", DelayMS: 1000})
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if _, err := client.List(short, room, nil); err == nil {
		t.Fatal("the deadline did not end the slow call")
	}
	// A reset connection on create is not retried: a repeat could mint a second code.
	emu.InjectFault(roomcodestest.Fault{Method: "POST", Path: "/v2/room-codes", Action: "reset"})
	if _, err := client.CreateForRole(ctx, room, "guest"); !errors.Is(err, roomcodes.ErrNetwork) {
		t.Fatalf("want a network error, got %v", err)
	}
}

func TestTheRequestLog(t *testing.T) {
	emu := roomcodestest.Start(t)
	client := newClient(t, emu)
	room := emu.CreateRoom()
	if _, err := client.Create(context.Background(), room); err != nil {
		t.Fatal(err)
	}
	emu.ClearRequests()
	if n := len(emu.Requests()); n != 0 {
		t.Fatalf("%d requests after ClearRequests", n)
	}
	if _, err := client.CreateForRole(context.Background(), room, "guest"); err != nil {
		t.Fatal(err)
	}
	requests := emu.Requests()
	if len(requests) != 1 || requests[0].Method != "POST" ||
		requests[0].Path != "/v2/room-codes/room/"+room+"/role/guest" ||
		!strings.HasPrefix(requests[0].Headers["authorization"], "Bearer ") {
		t.Fatalf("log: %+v", requests)
	}
}
