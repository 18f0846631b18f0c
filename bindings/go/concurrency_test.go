package roomcodes_test

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/hms-room-codes/roomcodes"
)

// 64 goroutines share one client, each on its own room: creates, pages,
// toggles and token exchanges, all of which must succeed.
func Test64GoroutinesShareOneClient(t *testing.T) {
	const goroutines, calls = 64, 40
	client := newClient(t, settings())
	rooms := make([]string, goroutines)
	for i := range rooms {
		rooms[i] = newRoom(t, "")
	}
	var ok atomic.Int64
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(room string) {
			defer wg.Done()
			mine, err := client.Create(ctx, room)
			if err != nil {
				t.Error(err)
				return
			}
			ok.Add(1)
			for i := 1; i < calls; i++ {
				switch i % 4 {
				case 0:
					_, err = client.CreateForRole(ctx, room, mine[i%3].Role)
				case 1:
					_, err = client.ListPage(ctx, room, &roomcodes.ListFilter{Limit: 10})
				case 2:
					_, err = client.SetEnabled(ctx, mine[1].Code, i%8 != 2)
				default:
					_, err = client.AuthTokenForCode(ctx, mine[0].Code, "")
				}
				if err != nil {
					t.Error(err)
					continue
				}
				ok.Add(1)
			}
		}(rooms[g])
	}
	wg.Wait()
	if ok.Load() != goroutines*calls {
		t.Fatalf("%d of %d calls succeeded", ok.Load(), goroutines*calls)
	}
}
