package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// profile runs one side alone ("sdk" or "raw"), calls calls of one operation
// ("create_for_role" or "list") on workers goroutines, under the CPU profiler
// writing to path (read it with `go tool pprof -top`); it prints the calls
// per second and the allocations per call.
func profile(side, operation, path string, calls, workers int) error {
	c := rawClient()
	if side == "sdk" {
		var err error
		if c, err = sdkClient("hms-room-codes", nil); err != nil {
			return err
		}
	} else if side != "raw" {
		return fmt.Errorf("profile: the side is sdk or raw, not %q", side)
	}
	rooms, err := newRooms(calls/100 + 1)
	if err != nil {
		return err
	}
	listRoom, err := fullRoom()
	if err != nil {
		return err
	}
	op := func(int) error { return c.listPage(listRoom) }
	switch operation {
	case "create_for_role":
		op = func(i int) error { return c.createForRole(rooms[i/100]) }
	case "list":
	default:
		return fmt.Errorf("profile: the operation is create_for_role or list, not %q", operation)
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	defer out.Close()
	if err := pprof.StartCPUProfile(out); err != nil {
		return err
	}
	defer pprof.StopCPUProfile()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, wall, err := batch(op, calls, workers)
	runtime.ReadMemStats(&after)
	fmt.Printf("%s %s: %.0f calls/s, %.1f allocations and %.0f bytes per call\n", side, operation,
		float64(calls)/wall.Seconds(), float64(after.Mallocs-before.Mallocs)/float64(calls),
		float64(after.TotalAlloc-before.TotalAlloc)/float64(calls))
	return err
}
