// Command bench compares the Go binding (with events off, and on to a no-op
// hook) with raw net/http keep-alive (two alike clients of it, whose gap is
// the harness's own spread), all doing the same requests to the emulator: create-for-role (a new guest code) and list (one page of 100), at
// 1 and 32 goroutines, taking turns (compare).
// It prints one JSON object per line. Run it under scripts/with-emulator.sh
// (after `make go-lib`): go run . [ROUNDS]; `go run . soak [CALLS]` runs the
// soak of soak.go instead, and `go run . profile sdk|raw create_for_role|list FILE
// [CALLS [GOROUTINES]]` one side and operation alone under the CPU profiler (profile.go).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hms-room-codes/roomcodes"
)

// client is one side of the comparison.
type client struct {
	name          string
	createForRole func(room string) error
	listPage      func(room string) error
}

// sdkClient is the binding, named name, its events going to onEvent (nil: off).
func sdkClient(name string, onEvent func(roomcodes.Event)) (client, error) {
	sdk, err := roomcodes.NewClient(roomcodes.Config{
		AccessKey: os.Getenv("HMS_EMULATOR_ACCESS_KEY"), AppSecret: os.Getenv("HMS_EMULATOR_SECRET"),
		BaseURL: os.Getenv("HMS_API_BASE_URL"), AuthBaseURL: os.Getenv("HMS_AUTH_BASE_URL"),
		OnEvent: onEvent,
	})
	if err != nil {
		return client{}, err
	}
	ctx := context.Background()
	return client{
		name: name,
		createForRole: func(room string) error {
			_, err := sdk.CreateForRole(ctx, room, "guest")
			return err
		},
		listPage: func(room string) error {
			_, err := sdk.ListPage(ctx, room, &roomcodes.ListFilter{Limit: 100})
			return err
		},
	}, nil
}

// roomCode is what the raw client decodes, as a Go user would.
type roomCode struct {
	Code      string     `json:"code"`
	RoomID    string     `json:"room_id"`
	Role      string     `json:"role"`
	Enabled   bool       `json:"enabled"`
	CreatedAt *time.Time `json:"created_at"`
	UpdatedAt *time.Time `json:"updated_at"`
}

// rawClient is what a Go user would write without the SDK: net/http
// keep-alive over net/http's default transport (proxies from the environment
// and idle timeouts included), as the SDK's default client, with as many idle
// connections per host as it keeps, each call bounded by the client's
// Timeout, the same headers the SDK sends, a cached management token signed
// from the same app keys, the room id escaped into the path, and each answer
// decoded into structs with encoding/json.
func rawClient() client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = 100
	httpClient := &http.Client{Transport: transport, Timeout: 10 * time.Second}
	base := os.Getenv("HMS_API_BASE_URL")
	tokens := &managementTokens{accessKey: os.Getenv("HMS_EMULATOR_ACCESS_KEY"), secret: os.Getenv("HMS_EMULATOR_SECRET")}
	send := func(method, url string, out interface{}) error {
		token, err := tokens.get()
		if err != nil {
			return err
		}
		return rawRequest(httpClient, token, method, url, out)
	}
	return client{
		name: "raw net/http",
		createForRole: func(room string) error {
			var code roomCode
			return send("POST", base+"/room-codes/room/"+url.PathEscape(room)+"/role/guest", &code)
		},
		listPage: func(room string) error {
			var page struct {
				Limit int        `json:"limit"`
				Data  []roomCode `json:"data"`
				Last  string     `json:"last"`
			}
			return send("GET", base+"/room-codes/room/"+url.PathEscape(room)+"?limit=100", &page)
		},
	}
}

// rawRequest sends a request as a hand-written client would (the headers the
// SDK sends, token as the bearer token) and decodes a 200 answer into out.
func rawRequest(httpClient *http.Client, token, method, url string, out interface{}) error {
	var body io.Reader
	if method == "POST" {
		body = strings.NewReader("")
	}
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "bench-raw-net-http")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return decode(httpClient, req, out)
}

// batch runs calls calls of op on workers goroutines; the latencies and the wall time.
func batch(op func(i int) error, calls, workers int) ([]time.Duration, time.Duration, error) {
	latencies := make([]time.Duration, calls)
	var next int64 = -1
	var failed atomic.Value
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(atomic.AddInt64(&next, 1)); i < calls; i = int(atomic.AddInt64(&next, 1)) {
				t := time.Now()
				if err := op(i); err != nil {
					failed.Store(err)
				}
				latencies[i] = time.Since(t)
			}
		}()
	}
	wg.Wait()
	err, _ := failed.Load().(error)
	return latencies, time.Since(start), err
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "soak" {
		calls := 100000
		if len(os.Args) > 2 {
			calls, _ = strconv.Atoi(os.Args[2])
		}
		if err := soak(calls); err != nil {
			log.Fatal(err)
		}
		return
	}
	if len(os.Args) > 4 && os.Args[1] == "profile" {
		calls, workers := 3000, 32
		if len(os.Args) > 5 {
			calls, _ = strconv.Atoi(os.Args[5])
		}
		if len(os.Args) > 6 {
			workers, _ = strconv.Atoi(os.Args[6])
		}
		if err := profile(os.Args[2], os.Args[3], os.Args[4], calls, workers); err != nil {
			log.Fatal(err)
		}
		return
	}
	rounds := 3
	if len(os.Args) > 1 {
		n, err := strconv.Atoi(os.Args[1])
		if err != nil {
			log.Fatal(err)
		}
		rounds = n
	}
	sdk, err := sdkClient("hms-room-codes", nil)
	if err != nil {
		log.Fatal(err)
	}
	// What events cost: every event handed to a hook that does nothing.
	withEvents, err := sdkClient("hms-room-codes, events to a no-op hook", func(roomcodes.Event) {})
	if err != nil {
		log.Fatal(err)
	}
	// A second raw client, alike in every way, shows how far the harness
	// itself puts two equal clients apart: a ratio within that spread of 1.0
	// is a tie.
	second := rawClient()
	second.name = "raw net/http, a second client (the harness's spread)"
	clients := []client{sdk, withEvents, rawClient(), second}
	listRoom, err := fullRoom()
	if err != nil {
		log.Fatal(err)
	}
	for _, workers := range []int{1, 32} {
		// At 1 goroutine a turn of 100 calls measured two equal clients 10%
		// apart; turns of 300 keep them within 1%.
		calls := map[int]int{1: 3000, 32: 6000}[workers]
		for _, operation := range []string{"create_for_role", "list"} {
			latencies, rates := compare(clients, operation, listRoom, calls, workers, rounds)
			for c, l := range latencies {
				sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
				at := func(q float64) float64 { return float64(l[int(float64(len(l)-1)*q+0.5)]) / 1e6 }
				line, _ := json.Marshal(map[string]interface{}{
					"binding": "go", "client": clients[c].name, "operation": operation, "concurrency": workers,
					"calls": len(l), "rps": median(rates[c]), "p50_ms": at(0.5), "p99_ms": at(0.99),
				})
				fmt.Println(string(line))
			}
		}
	}
}

// slices is how many turns each client takes per round: short turns, in
// alternating order, so that both sides meet the same load on a busy machine.
const slices = 10

// compare runs calls calls of operation per round and client on workers
// goroutines, the clients taking turns of calls/slices calls; each client's
// latencies and the calls per second of each of its turns.
func compare(clients []client, operation, listRoom string, calls, workers, rounds int) ([][]time.Duration, [][]float64) {
	latencies := make([][]time.Duration, len(clients))
	rates := make([][]float64, len(clients))
	turn := calls / slices
	for round := 0; round < rounds; round++ {
		for slice := 0; slice < slices; slice++ {
			for k := range clients {
				c := (k + round + slice) % len(clients)
				op := func(int) error { return clients[c].listPage(listRoom) }
				if operation == "create_for_role" {
					rooms, err := newRooms(turn/100 + 1)
					if err != nil {
						log.Fatal(err)
					}
					op = func(i int) error { return clients[c].createForRole(rooms[i/100]) }
				}
				if err := clearLog(); err != nil {
					log.Fatal(err)
				}
				l, w, err := batch(op, turn, workers)
				if err != nil {
					log.Fatalf("%s %s: %v", clients[c].name, operation, err)
				}
				latencies[c] = append(latencies[c], l...)
				rates[c] = append(rates[c], float64(turn)/w.Seconds())
			}
		}
	}
	return latencies, rates
}

// median is the middle of rates (which it sorts): a turn that met a burst of
// load elsewhere on the machine moves it less than it moves a mean.
func median(rates []float64) float64 {
	sort.Float64s(rates)
	return rates[len(rates)/2]
}
