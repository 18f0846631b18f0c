package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/hms-room-codes/roomcodes"
)

// faults are queued every 1000 calls: the client must retry through each.
var faults = []string{
	`{"method":"GET","path":"/v2/room-codes/room/","status":429,"retry_after":"0"}`,
	`{"method":"GET","path":"/v2/room-codes/room/","status":503,"retry_after":"0"}`,
	`{"method":"POST","path":"/v2/room-codes/code","match":"exact","action":"reset"}`,
}

// rss is this process's resident set in bytes, from /proc/self/status, after
// a GC that also hands freed pages back to the OS (debug.FreeOSMemory): left
// to itself, the runtime returns them lazily, and RSS would move with when
// that happened to run rather than with what the process holds.
func rss() int64 {
	debug.FreeOSMemory()
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	var kb int64 = -1
	for _, line := range strings.Split(string(status), "\n") {
		if _, err := fmt.Sscanf(line, "VmRSS: %d kB", &kb); err == nil {
			break
		}
	}
	return kb * 1024
}

// soak makes calls calls through the binding, like bench/c/soak.c, and prints one JSON line.
func soak(calls int) error {
	client, err := roomcodes.NewClient(roomcodes.Config{
		AccessKey: os.Getenv("HMS_EMULATOR_ACCESS_KEY"), AppSecret: os.Getenv("HMS_EMULATOR_SECRET"),
		BaseURL: os.Getenv("HMS_API_BASE_URL"), AuthBaseURL: os.Getenv("HMS_AUTH_BASE_URL"),
		BackoffBase: 10 * time.Millisecond,
	})
	if err != nil {
		return err
	}
	defer client.Close()
	ctx := context.Background()
	var room, code string
	failures, queued := 0, 0
	var rss10k int64
	start := time.Now()
	for i := 0; i < calls; i++ {
		if i%100 == 0 {
			rooms, err := newRooms(1)
			if err != nil {
				return err
			}
			room, code = rooms[0], ""
		}
		if i%1000 == 500 {
			for _, rule := range faults {
				if err := post("/_emulator/faults", rule); err != nil {
					return err
				}
				queued++
			}
		}
		if i%10000 == 0 {
			if err := clearLog(); err != nil {
				return err
			}
		}
		var err error
		switch {
		case i%4 == 0 || code == "":
			var made *roomcodes.RoomCode
			if made, err = client.CreateForRole(ctx, room, "guest"); err == nil {
				code = made.Code
			}
		case i%4 == 1:
			_, err = client.ListPage(ctx, room, &roomcodes.ListFilter{Limit: 100})
		case i%4 == 2:
			_, err = client.SetEnabled(ctx, code, true)
		default:
			_, err = client.AuthTokenForCode(ctx, code, "soak-user")
		}
		if err != nil {
			failures++
			fmt.Fprintf(os.Stderr, "soak: call %d: %v\n", i, err)
		}
		if i+1 == 10000 {
			rss10k = rss()
		}
	}
	seconds := time.Since(start).Seconds()
	if err := call("DELETE", "/_emulator/faults", nil); err != nil {
		return err
	}
	line, _ := json.Marshal(map[string]interface{}{
		"binding": "go", "calls": calls, "failures": failures, "faults": queued, "seconds": seconds,
		"rss_10k": rss10k, "rss_end": rss(),
	})
	fmt.Println(string(line))
	if failures > 0 {
		return fmt.Errorf("%d calls failed", failures)
	}
	return nil
}
