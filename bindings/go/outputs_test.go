package roomcodes

import (
	"runtime"
	"sync/atomic"
	"testing"
	"unsafe"
)

// freedHeapAddress is the address of a large Go object that has been freed:
// a pointer the garbage collector refuses to find in the Go heap.
func freedHeapAddress() uintptr {
	big := make([]byte, 4<<20)
	at := uintptr(unsafe.Pointer(&big[0]))
	runtime.KeepAlive(big)
	runtime.GC()
	runtime.GC()
	return at
}

// New outputs are made in C memory that malloc may hand back dirty. While a
// collection runs, a Go write over a leftover value that looks like a freed
// Go object's address makes the collector throw ("found bad pointer in Go
// heap"): the memory must be zeroed before Go writes there.
func TestNewOutputsStartFromZeroedMemory(t *testing.T) {
	runtime.LockOSThread() // malloc hands a thread back the chunk it freed last
	defer runtime.UnlockOSThread()
	stale := freedHeapAddress()
	var done atomic.Bool
	go func() {
		for !done.Load() {
			runtime.GC()
		}
	}()
	defer done.Store(true)
	words := (unsafe.Sizeof(*(*outputs)(nil).step) + 3*unsafe.Sizeof(uintptr(0))) / unsafe.Sizeof(uintptr(0))
	for i := 0; i < 3000; i++ {
		// Leave the freed address all over a chunk malloc is likely to hand out next.
		dirty := outputsPool.New().(*outputs)
		runtime.SetFinalizer(dirty, nil)
		memory := unsafe.Slice((*uintptr)(unsafe.Pointer(dirty.step)), words)
		for w := range memory {
			memory[w] = stale
		}
		dirty.free()
		o := outputsPool.New().(*outputs)
		if o.step.kind != 0 || o.step.url != nil || *o.call != nil || *o.err != nil || *o.out != nil {
			t.Fatal("new outputs are not empty")
		}
		o.put()
	}
}
