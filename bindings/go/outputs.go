package roomcodes

/*
#include <stdlib.h>
#include <string.h>
#include "hms_room_codes.h"
*/
import "C"

import (
	"runtime"
	"sync"
	"unsafe"
)

// outputs is where one call's C functions write what they give back: the
// call, its step, its error, a result. It lives in C memory because the cgo
// runtime checks every Go pointer handed to C, and those checks (and the
// heap allocations the pointers escape to) were a tenth of the binding's own
// time per call. Take one with getOutputs and give it back with put.
type outputs struct {
	step *C.hms_step
	call **C.hms_call
	err  **C.hms_error
	// out is a result's pointer, of the type its take function writes.
	out *unsafe.Pointer
}

// outputsPool keeps outputs for reuse; one dropped from the pool has its C
// memory freed by its finalizer.
var outputsPool = sync.Pool{New: func() interface{} {
	size := unsafe.Sizeof(C.hms_step{}) + 3*unsafe.Sizeof(uintptr(0))
	base := C.malloc(C.size_t(size)) // cgo's malloc never returns NULL
	// Zeroed before Go writes a pointer there: a write barrier reads the
	// value it replaces, and malloc's leftovers may look like a Go pointer.
	C.memset(base, 0, C.size_t(size))
	after := unsafe.Add(base, unsafe.Sizeof(C.hms_step{}))
	o := &outputs{
		step: (*C.hms_step)(base),
		call: (**C.hms_call)(after),
		err:  (**C.hms_error)(unsafe.Add(after, unsafe.Sizeof(uintptr(0)))),
		out:  (*unsafe.Pointer)(unsafe.Add(after, 2*unsafe.Sizeof(uintptr(0)))),
	}
	runtime.SetFinalizer(o, (*outputs).free)
	return o
}}

// free frees o's C memory (o's finalizer: o is dropped from the pool).
func (o *outputs) free() {
	C.free(unsafe.Pointer(o.step))
}

// getOutputs lends outputs with nothing in them.
func getOutputs() *outputs {
	return outputsPool.Get().(*outputs)
}

// put gives o back, emptied (what its pointers point to belongs to others).
func (o *outputs) put() {
	*o.step = C.hms_step{}
	*o.call, *o.err, *o.out = nil, nil, nil
	outputsPool.Put(o)
}

// failure is the error of a C function that returned status, taken out of o.
func (o *outputs) failure(status C.hms_status) *Error {
	err := fromC(status, *o.err)
	*o.err = nil
	return err
}
