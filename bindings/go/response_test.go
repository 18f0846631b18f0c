package roomcodes_test

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hms-room-codes/roomcodes"
)

// requestNumber is the number of an emulator request id ("emu-12" is 12).
func requestNumber(t *testing.T, meta roomcodes.ResponseMeta) int {
	t.Helper()
	n, err := strconv.Atoi(strings.TrimPrefix(meta.RequestID, "emu-"))
	if err != nil || !strings.HasPrefix(meta.RequestID, "emu-") {
		t.Fatalf("not an emulator request id: %+v", meta)
	}
	return n
}

// Response(&meta) fills meta after a success (here after one retry) with the
// status, the emulator's request id and the attempts; a failure leaves it
// alone; List gives the last page's, the iterator each page's.
func TestResponseMetaOfASuccess(t *testing.T) {
	client := newClient(t, settings())
	room := newRoom(t, "")
	fault(t, "POST", roomPath(room)+"/role/guest", map[string]any{"status": 429, "retry_after": "0"})
	var meta roomcodes.ResponseMeta
	code, err := client.CreateForRole(ctx, room, "guest", roomcodes.Response(&meta))
	if err != nil {
		t.Fatal(err)
	}
	if meta.Status != 200 || meta.Attempts != 2 || meta.Elapsed < 0 || meta.Elapsed > 10*time.Second {
		t.Fatalf("after one retry: %+v", meta)
	}
	retried := requestNumber(t, meta)
	kept := meta
	_, err = client.CreateForRole(ctx, room, "no-such-role", roomcodes.Response(&meta))
	mustKind(t, err, roomcodes.KindRoleNotFound)
	if meta != kept {
		t.Fatalf("a failure changed the meta: %+v", meta)
	}
	if _, err := client.Create(ctx, room, nil, roomcodes.Response(nil)); err != nil {
		t.Fatal(err)
	}
	if _, err := client.SetEnabled(ctx, code.Code, true, roomcodes.Response(&meta)); err != nil {
		t.Fatal(err)
	}
	enabled := requestNumber(t, meta)
	// 3 codes, two a page: List's meta is its second page's.
	two := &roomcodes.ListFilter{Limit: 2}
	if _, err := client.List(ctx, room, two, roomcodes.Response(&meta)); err != nil {
		t.Fatal(err)
	}
	listed := requestNumber(t, meta)
	if meta.Attempts != 1 || !(retried < enabled && enabled+2 <= listed) {
		t.Fatalf("request ids %d, %d, %d; list %+v", retried, enabled, listed, meta)
	}
	it := client.Codes(ctx, room, two, roomcodes.Response(&meta))
	defer it.Close()
	var pages []int
	for it.Next() {
		pages = append(pages, requestNumber(t, meta))
	}
	if it.Err() != nil || len(pages) != 3 || pages[0] != pages[1] || pages[2] <= pages[1] {
		t.Fatalf("the page of each code: %v, %v", pages, it.Err())
	}
}

// MaxRetries bounds one call's retries, whatever the client's: here 0 against
// the client's default of 2, then 3, for an operation and a listing's pages.
func TestMaxRetriesForOneCall(t *testing.T) {
	client := newClient(t, settings())
	room := newRoom(t, "")
	fault(t, "GET", roomPath(room), map[string]any{"status": 503, "count": 1})
	_, err := client.ListPage(ctx, room, nil, roomcodes.MaxRetries(0))
	mustKind(t, err, roomcodes.KindServer)

	fault(t, "GET", roomPath(room), map[string]any{"status": 503, "count": 3})
	var meta roomcodes.ResponseMeta
	if _, err := client.List(ctx, room, nil, roomcodes.MaxRetries(3), roomcodes.Response(&meta)); err != nil {
		t.Fatal(err)
	}
	if meta.Attempts != 4 {
		t.Errorf("attempts %d, want 4 (3 retries)", meta.Attempts)
	}
	fault(t, "GET", roomPath(room), map[string]any{"status": 503, "count": 1})
	it := client.Codes(ctx, room, nil, roomcodes.MaxRetries(0))
	for it.Next() {
	}
	mustKind(t, it.Err(), roomcodes.KindServer)

	for _, n := range []int{-1, math.MaxUint32 + 1} {
		_, err := client.ListPage(ctx, room, nil, roomcodes.MaxRetries(n))
		if e := mustKind(t, err, roomcodes.KindInvalidArgument); !strings.Contains(e.Message, "MaxRetries") {
			t.Errorf("%v", e)
		}
		if it := client.Codes(ctx, room, nil, roomcodes.MaxRetries(n)); it.Next() || it.Err() == nil {
			t.Errorf("Codes with MaxRetries(%d): %v", n, it.Err())
		}
	}
}
