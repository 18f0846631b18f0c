//go:build go1.21

package roomcodes_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/hms-room-codes/roomcodes"
)

// logged runs a ListPage retried after a 503 and a CreateForRole of a room
// that does not exist, logging at level to JSON; the records.
func logged(t *testing.T, level slog.Level) []map[string]any {
	var out bytes.Buffer
	config := settings()
	config.OnEvent = roomcodes.SlogEvents(slog.New(slog.NewJSONHandler(&out, &slog.HandlerOptions{Level: level})))
	client := newClient(t, config)
	room := newRoom(t, "")
	fault(t, "GET", roomPath(room), map[string]any{"status": 503, "count": 1})
	if _, err := client.ListPage(ctx, room, nil); err != nil {
		t.Fatal(err)
	}
	client.CreateForRole(ctx, "no-such-room", "viewer")
	var records []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var record map[string]any
		if err := json.Unmarshal([]byte(line), &record); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		records = append(records, record)
	}
	return records
}

func TestSlogEventsLogsEachEventAtItsLevel(t *testing.T) {
	var got []string
	for _, r := range logged(t, slog.LevelDebug) {
		got = append(got, r["level"].(string)+" "+r["msg"].(string)+" "+r["operation"].(string))
		_, timed := r["elapsed"]
		if want := r["msg"] == "response" || r["msg"] == "call_ended"; timed != want {
			t.Errorf("elapsed shown: %v, want %v, on %v (0s included)", timed, want, r)
		}
	}
	want := []string{
		"DEBUG attempt_started ListPage", "DEBUG response ListPage", "INFO retry_wait ListPage",
		"DEBUG attempt_started ListPage", "DEBUG response ListPage", "INFO call_ended ListPage",
		"DEBUG attempt_started CreateForRole", "DEBUG response CreateForRole", "WARN call_ended CreateForRole",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("records:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	records := logged(t, slog.LevelInfo)
	if len(records) != 3 {
		t.Fatalf("at Info, %d records, want the wait and the two ends: %v", len(records), records)
	}
	wait, failed := records[0], records[2]
	if wait["attempt"] != 2.0 || wait["wait"] == nil || wait["status"] != nil {
		t.Errorf("the wait: %v", wait)
	}
	if failed["error"] != "room_not_found" || failed["attempt"] != 1.0 {
		t.Errorf("the failed end: %v", failed)
	}
}

func TestSlogEventsShowsStatusAndRequestIDOfResponses(t *testing.T) {
	for _, r := range logged(t, slog.LevelDebug) {
		if r["msg"] != "response" {
			continue
		}
		if id, _ := r["request_id"].(string); r["status"] == nil || !strings.HasPrefix(id, "emu-") {
			t.Errorf("a response: %v", r)
		}
	}
}

// Each event is logged at the level the library grades it: at slog's default
// Info, the end of a failed call shows (at Warn), its attempts do not.
func ExampleSlogEvents() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		// Leave out what changes from run to run.
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "elapsed" {
				return slog.Attr{}
			}
			return a
		},
	}))
	client, err := roomcodes.NewClient(roomcodes.Config{
		ManagementToken: os.Getenv("HMS_MANAGEMENT_TOKEN"),
		BaseURL:         os.Getenv("HMS_API_BASE_URL"),
		OnEvent:         roomcodes.SlogEvents(logger),
	})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	client.CreateForRole(context.Background(), "no-such-room", "guest")
	// Output: level=WARN msg=call_ended operation=CreateForRole attempt=1 error=room_not_found
}
