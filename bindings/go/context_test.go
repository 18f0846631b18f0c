package roomcodes_test

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"

	roomcodes "hms-room-codes/bindings/go"
)

// settle waits until the goroutine count is back to at most want; it fails if
// it stays higher (a goroutine leaked).
func settle(t *testing.T, want int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if runtime.NumGoroutine() <= want {
			return
		}
	}
	buf := make([]byte, 1<<16)
	t.Fatalf("%d goroutines, want at most %d:\n%s", runtime.NumGoroutine(), want, buf[:runtime.Stack(buf, true)])
}

func TestContextDeadlineBoundsTheCall(t *testing.T) {
	client := newClient(t, settings())
	room := newRoom(t, "")
	before := runtime.NumGoroutine()
	// One slow attempt: the deadline cuts it although the client's timeout is 10 s.
	fault(t, "GET", roomPath(room), map[string]any{"delay_ms": 2000})
	c, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := client.List(c, room, nil)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
		t.Fatalf("got %v after %v", err, time.Since(start))
	}
	// A retry whose wait would pass the deadline is not started: a timeout at once.
	fault(t, "GET", roomPath(room), map[string]any{"status": 503, "retry_after": "1", "count": 3})
	c2, cancel2 := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel2()
	start = time.Now()
	_, err = client.ListPage(c2, room, nil)
	if !errors.Is(err, roomcodes.ErrTimeout) || time.Since(start) > 250*time.Millisecond {
		t.Fatalf("got %v after %v", err, time.Since(start))
	}
	clearFaults(t)
	// A generous deadline changes nothing.
	c3, cancel3 := context.WithTimeout(ctx, time.Minute)
	defer cancel3()
	if _, err := client.Create(c3, room); err != nil {
		t.Fatal(err)
	}
	settle(t, before)
}

func TestCancelReturnsPromptlyAndLeaksNothing(t *testing.T) {
	client := newClient(t, settings())
	room := newRoom(t, "")
	before := runtime.NumGoroutine()
	for name, rule := range map[string]map[string]any{
		"during a backoff wait": {"status": 503, "retry_after": "2", "count": 3},
		"during an attempt":     {"delay_ms": 800},
	} {
		clearFaults(t)
		fault(t, "GET", roomPath(room), rule)
		c, cancel := context.WithCancel(ctx)
		time.AfterFunc(100*time.Millisecond, cancel)
		start := time.Now()
		_, err := client.List(c, room, nil)
		if !errors.Is(err, context.Canceled) || time.Since(start) > 500*time.Millisecond {
			t.Fatalf("%s: got %v after %v", name, err, time.Since(start))
		}
	}
	// The abandoned calls finish in the background, free everything and exit.
	settle(t, before)
	// The client is still fine, and Close waits for nothing.
	if _, err := client.Create(ctx, room); err != nil {
		t.Fatal(err)
	}
}

func TestAnEndedContextSendsNothing(t *testing.T) {
	client := newClient(t, settings())
	room := newRoom(t, "")
	clearRequests(t)
	c, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := client.Create(c, room); !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	expired, cancel2 := context.WithDeadline(ctx, time.Now().Add(-time.Second))
	defer cancel2()
	if _, err := client.AuthTokenForCode(expired, "code", ""); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatal(err)
	}
	if n := requests(t, "", ""); n != 0 {
		t.Fatalf("%d requests were sent", n)
	}
}

// Errors that are not about the context stay what they are under a context.
func TestContextKeepsOtherErrors(t *testing.T) {
	client := newClient(t, settings())
	c, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	_, err := client.Create(c, "no-such-room")
	if !errors.Is(err, roomcodes.ErrRoomNotFound) {
		t.Fatal(err)
	}
}
