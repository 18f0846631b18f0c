package roomcodes_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hms-room-codes/roomcodes"
)

// The iterator gives the same codes as List, in order, one request per page,
// and Enabled(false) keeps the disabled ones only.
func TestCodesWalksEveryPageAsListDoes(t *testing.T) {
	client := newClient(t, settings())
	room := newRoom(t, "")
	for i := 0; i < 3; i++ {
		if _, err := client.Create(ctx, room); err != nil {
			t.Fatal(err)
		}
	}
	codes, _ := client.List(ctx, room, &roomcodes.ListFilter{Limit: 2})
	if _, err := client.SetEnabled(ctx, codes[0].Code, false); err != nil {
		t.Fatal(err)
	}
	all, err := client.List(ctx, room, &roomcodes.ListFilter{Limit: 2})
	if err != nil || len(all) < 3 {
		t.Fatalf("%d codes, %v", len(all), err)
	}
	it := client.Codes(ctx, room, &roomcodes.ListFilter{Limit: 2})
	defer it.Close()
	var walked []string
	for it.Next() {
		walked = append(walked, it.Code().Code)
	}
	if it.Err() != nil || len(walked) != len(all) {
		t.Fatalf("walked %d of %d codes: %v", len(walked), len(all), it.Err())
	}
	for i := range all {
		if walked[i] != all[i].Code {
			t.Fatalf("code %d: %s, List gave %s", i, walked[i], all[i].Code)
		}
	}
	disabled := client.Codes(ctx, room, &roomcodes.ListFilter{Enabled: roomcodes.Enabled(false)})
	n := 0
	for disabled.Next() {
		if disabled.Code().Enabled {
			t.Fatalf("an enabled code: %+v", disabled.Code())
		}
		n++
	}
	if disabled.Err() != nil || n != 1 {
		t.Fatalf("%d disabled codes, %v", n, disabled.Err())
	}
}

// An error on a later page ends the walk with it; bad arguments and a
// cancelled context end it before any request.
func TestCodesEndsWithTheError(t *testing.T) {
	client := newClient(t, roomcodes.Config{ManagementToken: "t", BaseURL: settings().BaseURL, MaxRetries: roomcodes.Retries(0)})
	room := newRoom(t, "")
	it := client.Codes(ctx, room, nil)
	if it.Next() || !errors.Is(it.Err(), roomcodes.ErrUnauthorized) {
		t.Fatalf("got %v", it.Err())
	}
	if it := client.Codes(ctx, "", nil); it.Next() || !errors.Is(it.Err(), roomcodes.ErrInvalidArgument) {
		t.Fatalf("got %v", it.Err())
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if it := client.Codes(cancelled, room, nil); it.Next() || !errors.Is(it.Err(), context.Canceled) {
		t.Fatalf("got %v", it.Err())
	}
	// Closing early lets the client close at once.
	ok := newClient(t, settings())
	early := ok.Codes(ctx, room, nil)
	early.Close()
	done := make(chan struct{})
	go func() { ok.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close waited for a closed iterator")
	}
}
