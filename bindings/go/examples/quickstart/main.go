// Command quickstart shows the Go binding from start to end: codes for every
// role of a room and one more for a role, a listing, disabling a code, an auth
// token for a code, and room links.
//
// Environment: HMS_ROOM_ID (one of your rooms), and HMS_MANAGEMENT_TOKEN or
// HMS_ACCESS_KEY + HMS_SECRET (HMS_API_BASE_URL / HMS_AUTH_BASE_URL for another
// endpoint, such as the emulator under `make demo`).
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/hms-room-codes/roomcodes"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("[go] ")
	roomID := os.Getenv("HMS_ROOM_ID")
	if roomID == "" || (os.Getenv("HMS_MANAGEMENT_TOKEN") == "" && os.Getenv("HMS_SECRET") == "") {
		log.Fatal("set HMS_ROOM_ID (one of your rooms) and HMS_ACCESS_KEY + HMS_SECRET (or HMS_MANAGEMENT_TOKEN), or run `make demo` (local emulator)")
	}
	client, err := roomcodes.NewClientFromEnv()
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	codes, err := client.Create(ctx, roomID)
	if err != nil {
		log.Fatal(err)
	}
	for _, code := range codes {
		fmt.Printf("[go] code for every role: %-7s %s\n", code.Role, code.Code)
	}
	extra, err := client.CreateForRole(ctx, roomID, "guest")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("[go] one more for guest:    %s\n", extra.Code)

	all, err := client.List(ctx, roomID, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("[go] listed %d codes\n", len(all))

	disabled, err := client.SetEnabled(ctx, extra.Code, false)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("[go] disabled %s (enabled = %t)\n", disabled.Code, disabled.Enabled)

	var host string
	for _, code := range all {
		if code.Role == "host" {
			host = code.Code
			break
		}
	}
	token, err := client.AuthTokenForCode(ctx, host, "demo-user")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("[go] auth token for %s: %.24s... (expires %v)\n", host, token.Token, token.ExpiresAt)

	link, err := roomcodes.RoomLink(roomcodes.RoomLinkOptions{Subdomain: "demo-app", Code: host, Name: "Demo Host"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("[go] room link: %s\n", link)

	_, err = client.CreateForRole(ctx, roomID, "no-such-role")
	if errors.Is(err, roomcodes.ErrRoleNotFound) {
		fmt.Printf("[go] expected error: %v\n", err)
	}
}
