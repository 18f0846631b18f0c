package roomcodes_test

import (
	"errors"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/hms-room-codes/roomcodes"
)

// countingTransport counts the requests it passes on.
type countingTransport struct {
	n    atomic.Int32
	next http.RoundTripper
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.next.RoundTrip(r)
}

// Every request, retries included, goes through the caller's *http.Client.
func TestTheCallersHTTPClientSendsEveryRequest(t *testing.T) {
	counting := &countingTransport{next: http.DefaultTransport}
	config := settings()
	config.HTTPClient = &http.Client{Transport: counting}
	client := newClient(t, config)
	room := newRoom(t, "")
	fault(t, "GET", roomPath(room), map[string]any{"status": 503, "count": 1})
	if _, err := client.ListPage(ctx, room, nil); err != nil {
		t.Fatal(err)
	}
	if got := counting.n.Load(); got != 2 {
		t.Fatalf("%d requests through the caller's client, want 2 (a 503, then its retry)", got)
	}
}

// The CA option applies to the default client; with the caller's own, it is an error.
func TestCACertificatesWithTheCallersClientIsInvalid(t *testing.T) {
	config := settings()
	config.HTTPClient = &http.Client{}
	config.CACertificatesPEM = "-----BEGIN CERTIFICATE-----"
	_, err := roomcodes.NewClient(config)
	if !errors.Is(err, roomcodes.ErrInvalidArgument) {
		t.Fatalf("got %v", err)
	}
}
