package main

// The client side of a call alone, in process: both sides send through an
// http.RoundTripper that answers the emulator's bodies from memory, so that
// the figures are the CPU each client spends per call, which is what decides
// throughput when the clients share 2 cores with the server. Run:
//
//	go test -run - -bench . -benchmem [-cpuprofile cpu.out]

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hms-room-codes/roomcodes"
)

// memoryTransport answers every request with status 200 and body.
type memoryTransport struct{ body []byte }

func (m memoryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		io.Copy(io.Discard, req.Body)
		req.Body.Close()
	}
	return &http.Response{
		StatusCode: 200, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Request: req,
		Header: http.Header{
			"Content-Type": {"application/json"}, "Date": {"Sun, 06 Dec 2026 08:00:00 GMT"},
			"Content-Length": {fmt.Sprint(len(m.body))},
		},
		Body: io.NopCloser(bytes.NewReader(m.body)), ContentLength: int64(len(m.body)),
	}, nil
}

const codeBody = `{"code":"wpi-srjb-wer","room_id":"65f1c2a9e4b0a1b2c3d4e5f6","role":"guest","enabled":true,` +
	`"created_at":"2026-12-06T08:00:00.123Z","updated_at":"2026-12-06T08:00:00.123Z"}`

// pageBody is a page of 100 codes, as the emulator sends it.
func pageBody() []byte {
	codes := make([]string, 100)
	for i := range codes {
		codes[i] = strings.Replace(codeBody, "wpi-srjb-wer", fmt.Sprintf("abc-def%d-ghi", i), 1)
	}
	return []byte(`{"limit":100,"data":[` + strings.Join(codes, ",") + `],"last":""}`)
}

// clients over body: the SDK and the raw one, both sending through memory,
// each bounding its attempts as in the bench (the SDK by a context per
// attempt, the raw client by http.Client.Timeout).
func inMemory(b *testing.B, body []byte) (sdk *roomcodes.Client, raw *http.Client) {
	memory := memoryTransport{body}
	sdk, err := roomcodes.NewClient(roomcodes.Config{
		ManagementToken: "t", BaseURL: "http://127.0.0.1:9/v2", HTTPClient: &http.Client{Transport: memory},
	})
	if err != nil {
		b.Fatal(err)
	}
	return sdk, &http.Client{Transport: memory, Timeout: 10 * time.Second}
}

func BenchmarkCreateForRole(b *testing.B) {
	sdk, raw := inMemory(b, []byte(codeBody))
	defer sdk.Close()
	ctx := context.Background()
	b.Run("sdk", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := sdk.CreateForRole(ctx, "room", "guest"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var code roomCode
			if err := rawRequest(raw, "t", "POST", "http://127.0.0.1:9/v2/room-codes/room/room/role/guest", &code); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkListPage(b *testing.B) {
	sdk, raw := inMemory(b, pageBody())
	defer sdk.Close()
	ctx := context.Background()
	b.Run("sdk", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := sdk.ListPage(ctx, "room", &roomcodes.ListFilter{Limit: 100}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var page struct {
				Limit int        `json:"limit"`
				Data  []roomCode `json:"data"`
				Last  string     `json:"last"`
			}
			if err := rawRequest(raw, "t", "GET", "http://127.0.0.1:9/v2/room-codes/room/room?limit=100", &page); err != nil {
				b.Fatal(err)
			}
		}
	})
}
