package roomcodes_test

import (
	"context"
	"errors"
	"io"
	"net"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hms-room-codes/roomcodes"
)

// settle waits until the goroutine count is back to at most want; it fails if
// it stays higher (a goroutine leaked).
func settle(t *testing.T, want int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if callGoroutines() <= want {
			return
		}
	}
	buf := make([]byte, 1<<16)
	t.Fatalf("%d goroutines, want at most %d:\n%s", callGoroutines(), want, buf[:runtime.Stack(buf, true)])
}

// callGoroutines counts the goroutines but net/http's pooled idle
// connections (two each), which the client keeps for the next call by design.
func callGoroutines() int {
	buf := make([]byte, 1<<20)
	stacks := strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n")
	n := 0
	for _, stack := range stacks {
		if !strings.Contains(stack, "net/http.(*persistConn)") {
			n++
		}
	}
	return n
}

// isTimeout is whether err has the one shape of every timeout: an *Error of
// kind KindTimeout that also matches context.DeadlineExceeded.
func isTimeout(err error) bool {
	var e *roomcodes.Error
	return errors.As(err, &e) && errors.Is(err, roomcodes.ErrTimeout) &&
		errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled)
}

// isCancelled is whether err is a cancelled call: it matches context.Canceled
// (and ErrTimeout, the kind C gives a cancelled call), not a deadline.
func isCancelled(err error) bool {
	return errors.Is(err, context.Canceled) && errors.Is(err, roomcodes.ErrTimeout) &&
		!errors.Is(err, context.DeadlineExceeded)
}

func TestContextDeadlineBoundsTheCall(t *testing.T) {
	client := newClient(t, settings())
	room := newRoom(t, "")
	before := callGoroutines()
	// One slow attempt: the deadline cuts it although the client's timeout is 10 s.
	fault(t, "GET", roomPath(room), map[string]any{"delay_ms": 2000})
	c, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := client.List(c, room, nil)
	if !isTimeout(err) || time.Since(start) > time.Second {
		t.Fatalf("got %v after %v", err, time.Since(start))
	}
	// A Retry-After that does not fit the deadline is not waited: the server's
	// answer at once, carrying its wait.
	fault(t, "GET", roomPath(room), map[string]any{"status": 429, "retry_after": "5", "count": 3})
	c2, cancel2 := context.WithTimeout(ctx, 2*time.Second)
	defer cancel2()
	start = time.Now()
	_, err = client.ListPage(c2, room, nil)
	var limited *roomcodes.Error
	if !errors.As(err, &limited) || !errors.Is(err, roomcodes.ErrRateLimited) ||
		limited.RetryAfter != 5*time.Second || time.Since(start) > time.Second {
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
	before := callGoroutines()
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
		if !isCancelled(err) || time.Since(start) > 500*time.Millisecond {
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
	if _, err := client.Create(c, room); !isCancelled(err) {
		t.Fatal(err)
	}
	expired, cancel2 := context.WithDeadline(ctx, time.Now().Add(-time.Second))
	defer cancel2()
	if _, err := client.AuthTokenForCode(expired, "code", ""); !isTimeout(err) {
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

// silentServer accepts connections, reads what comes and never answers. It
// returns its base URL and a channel that gets a value each time the client
// closes a connection.
func silentServer(t *testing.T) (string, <-chan struct{}) {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { listener.Close() })
	closed := make(chan struct{}, 16)
	go func() {
		for {
			conn, err := listener.Accept()
			if err != nil {
				return
			}
			go func() {
				io.Copy(io.Discard, conn)
				conn.Close()
				closed <- struct{}{}
			}()
		}
	}()
	return "http://" + listener.Addr().String() + "/v2", closed
}

// W3: cancelling ends the attempt on the wire (its socket and thread are
// freed) and Close does not wait for the attempt's timeout.
func TestCancelEndsTheAttemptOnTheWireAndCloseIsPrompt(t *testing.T) {
	url, closed := silentServer(t)
	client := listPageCancelledAfter200ms(t, url)
	cancelled := time.Now()
	select {
	case <-closed:
	case <-time.After(2 * time.Second):
		t.Fatal("the connection is still open 2 s after the cancel")
	}
	t.Logf("socket closed %v after the cancel", time.Since(cancelled))
	closesPromptly(t, client)
}

// listPageCancelledAfter200ms makes a client for url (10 s per attempt),
// starts ListPage, cancels it after 200 ms and checks that it ended cancelled.
func listPageCancelledAfter200ms(t *testing.T, url string) *roomcodes.Client {
	t.Helper()
	config := settings()
	config.BaseURL, config.AuthBaseURL, config.Timeout = url, url, 10*time.Second
	client, err := roomcodes.NewClient(config)
	if err != nil {
		t.Fatal(err)
	}
	c, cancel := context.WithCancel(ctx)
	time.AfterFunc(200*time.Millisecond, cancel)
	if _, err := client.ListPage(c, "room", nil); !isCancelled(err) {
		t.Fatalf("got %v", err)
	}
	return client
}

// closesPromptly checks that Close returns within a second.
func closesPromptly(t *testing.T, client *roomcodes.Client) {
	t.Helper()
	start := time.Now()
	client.Close()
	closing := time.Since(start)
	t.Logf("Close took %v", closing)
	if closing > time.Second {
		t.Fatalf("Close took %v", closing)
	}
}

// blackhole returns the base URL of a local listener whose TCP connect never
// completes: its backlog is 0 and its queue is full, so the kernel drops
// further SYNs.
func blackhole(t *testing.T) string {
	t.Helper()
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Close(fd) })
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Listen(fd, 0); err != nil {
		t.Fatal(err)
	}
	name, err := syscall.Getsockname(fd)
	if err != nil {
		t.Fatal(err)
	}
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(name.(*syscall.SockaddrInet4).Port))
	for i := 0; i < 16; i++ {
		conn, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err != nil {
			return "http://" + addr + "/v2"
		}
		t.Cleanup(func() { conn.Close() })
	}
	t.Fatal("the listener's backlog did not fill")
	return ""
}

// A cancel during a TCP connect ends the call at once, and Close does not
// wait for the connect's timeout.
func TestCancelDuringATCPConnectAndCloseIsPrompt(t *testing.T) {
	closesPromptly(t, listPageCancelledAfter200ms(t, blackhole(t)))
}
