// Command latency prints the latency of CreateForRole through the Go binding,
// like the Rust example `latency`:
//
//	scripts/with-emulator.sh go run ./bindings/go/examples/latency [CALLS]
//
// A room holds at most 100 codes, so a new room is made every 100 calls (with a
// plain request: rooms are not part of this SDK).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"sort"
	"strconv"
	"time"

	roomcodes "hms-room-codes/bindings/go"
)

func main() {
	calls := 1000
	if len(os.Args) > 1 {
		n, err := strconv.Atoi(os.Args[1])
		if err != nil {
			log.Fatal(err)
		}
		calls = n
	}
	client, err := roomcodes.NewClientFromEnv()
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	ctx := context.Background()
	samples := make([]time.Duration, 0, calls)
	var room string
	for i := 0; i < calls; i++ {
		if i%100 == 0 {
			if room, err = createRoom(); err != nil {
				log.Fatal(err)
			}
		}
		start := time.Now()
		if _, err := client.CreateForRole(ctx, room, "guest"); err != nil {
			log.Fatal(err)
		}
		samples = append(samples, time.Since(start))
	}
	sort.Slice(samples, func(i, j int) bool { return samples[i] < samples[j] })
	at := func(q float64) time.Duration { return samples[int(float64(len(samples)-1)*q+0.5)] }
	var total time.Duration
	for _, s := range samples {
		total += s
	}
	fmt.Printf("create_for_role x%d: median %v  p90 %v  p99 %v  mean %v\n",
		calls, at(0.5), at(0.9), at(0.99), total/time.Duration(calls))
}

// createRoom makes a room with the default template and returns its id.
func createRoom() (string, error) {
	req, err := http.NewRequest("POST", os.Getenv("HMS_API_BASE_URL")+"/rooms", bytes.NewReader([]byte("{}")))
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("HMS_MANAGEMENT_TOKEN"))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var room struct{ ID string }
	if err := json.NewDecoder(resp.Body).Decode(&room); err != nil || room.ID == "" {
		return "", fmt.Errorf("no room (HTTP %d): %v", resp.StatusCode, err)
	}
	return room.ID, nil
}
