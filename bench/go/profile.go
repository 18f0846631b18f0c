package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// profile runs one side alone ("sdk" or "raw"), calls create_for_role then
// calls list at 32 goroutines, under the CPU profiler writing to path; read
// it with `go tool pprof -top`.
func profile(side, path string, calls int) error {
	c := rawClient()
	if side == "sdk" {
		var err error
		if c, err = sdkClient(); err != nil {
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
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	defer out.Close()
	if err := pprof.StartCPUProfile(out); err != nil {
		return err
	}
	defer pprof.StopCPUProfile()
	if _, _, err := batch(func(i int) error { return c.createForRole(rooms[i/100]) }, calls, 32); err != nil {
		return err
	}
	_, _, err = batch(func(int) error { return c.listPage(listRoom) }, calls, 32)
	return err
}
