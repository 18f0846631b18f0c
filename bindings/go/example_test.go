package roomcodes_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/hms-room-codes/roomcodes"
)

func ExampleNewClient() {
	client, err := roomcodes.NewClient(roomcodes.Config{
		AccessKey: os.Getenv("HMS_ACCESS_KEY"),
		AppSecret: os.Getenv("HMS_SECRET"),
		Timeout:   5 * time.Second,
	})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
}

// Errors have a kind: test for it with errors.Is and the sentinels. An error
// that came with a response carries the service's request id for a support
// ticket (Error() shows it as "[request id ...]").
func ExampleClient_CreateForRole() {
	client, err := roomcodes.NewClientFromEnv()
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	_, err = client.CreateForRole(context.Background(), "no-such-room", "guest")
	var e *roomcodes.Error
	if errors.Is(err, roomcodes.ErrRoomNotFound) && errors.As(err, &e) {
		fmt.Printf("no such room: %s (HTTP %d), request id given: %t\n", e.Message, e.HTTPStatus, e.RequestID != "")
	}
	// Output: no such room: CreateForRole: room not found (HTTP 404), request id given: true
}

// A context deadline bounds every page of a listing together.
func ExampleClient_List() {
	client, err := roomcodes.NewClientFromEnv()
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	guests, err := client.List(ctx, os.Getenv("HMS_ROOM_ID"), &roomcodes.ListFilter{Role: "guest"})
	if err != nil {
		log.Fatal(err)
	}
	for _, code := range guests {
		if code.CreatedAt != nil {
			fmt.Println(code.Code, code.Enabled, code.CreatedAt.Format(time.RFC3339))
		}
	}
}

// Response fills in what the response of a successful call said: its
// status, the service's request id, the attempts and the time taken.
func ExampleResponse() {
	client, err := roomcodes.NewClientFromEnv()
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	var meta roomcodes.ResponseMeta
	code, err := client.CreateForRole(context.Background(), os.Getenv("HMS_ROOM_ID"), "guest", roomcodes.Response(&meta))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(code.Code, meta.Status, meta.RequestID, meta.Attempts, meta.Elapsed)
}

func ExampleRoomLink() {
	link, err := roomcodes.RoomLink(roomcodes.RoomLinkOptions{Subdomain: "myapp", Code: "abc-defg-hij", Name: "Ada L"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(link)
	// Output: https://myapp.app.100ms.live/meeting/abc-defg-hij?name=Ada%20L
}

// Config.OnEvent sees every attempt, response, retry wait and end of each
// call, on the goroutine making it. Event.Line is the readable line.
func ExampleConfig_onEvent() {
	client, err := roomcodes.NewClient(roomcodes.Config{
		ManagementToken: os.Getenv("HMS_MANAGEMENT_TOKEN"),
		BaseURL:         os.Getenv("HMS_API_BASE_URL"),
		OnEvent: func(e roomcodes.Event) {
			fmt.Println(e.Name, e.Operation, e.Attempt, e.HTTPStatus, e.Kind != 0)
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	client.CreateForRole(context.Background(), "no-such-room", "guest")
	// Output:
	// attempt_started CreateForRole 1 0 false
	// response CreateForRole 1 404 false
	// call_ended CreateForRole 1 0 true
}
