package roomcodes

/*
#include "hms_room_codes.h"
*/
import "C"

import (
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// cBytes is the text of NUL-terminated C string p, read in place (no cgo
// call, no copy); nil for NULL. Valid while the C memory is.
func cBytes(p *C.char) []byte {
	if p == nil {
		return nil
	}
	n := 0
	for *(*byte)(unsafe.Add(unsafe.Pointer(p), n)) != 0 {
		n++
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(p)), n)
}

// goText is s NUL-terminated in Go memory, for a C function that reads it
// during the call only (the hms_call start functions copy their arguments):
// no C allocation, and no cgo call to free it. An optional argument given as
// "" is NULL; a NUL inside s is an invalid argument.
func goText(name, s string, optional bool) (*C.char, error) {
	if optional && s == "" {
		return nil, nil
	}
	if err := checkText(name, s); err != nil {
		return nil, err
	}
	b := make([]byte, len(s)+1)
	copy(b, s)
	return (*C.char)(unsafe.Pointer(&b[0])), nil
}

// textBlock copies many C strings into one Go string, one allocation in all:
// grow it to the total of their lengths, then take each.
type textBlock struct{ b strings.Builder }

// grow makes room for size more bytes, so that taking them reallocates nothing.
func (t *textBlock) grow(size int) {
	t.b.Grow(size)
}

// take copies p's text (NULL reads as "") and returns it. The Builder never
// changes bytes it holds, so each text stays valid as more are taken.
func (t *textBlock) take(p *C.char) string {
	start := t.b.Len()
	t.b.Write(cBytes(p))
	return t.b.String()[start:]
}

// internCap bounds the texts an interned table keeps.
const internCap = 64

// interned keeps one Go copy of each C text that repeats from request to
// request (the method, header names and values), made by form, so that a
// request copies only what is new. Reads take no lock: the table is replaced
// whole on a write, and stops growing at internCap texts.
type interned struct {
	form  func(string) string
	table atomic.Value // map[string]string
	mu    sync.Mutex
}

// text is form(p's text), copied from C memory only the first time it is seen.
func (in *interned) text(p *C.char) string {
	b := cBytes(p)
	table, _ := in.table.Load().(map[string]string)
	if s, ok := table[string(b)]; ok {
		return s
	}
	key := string(b)
	s := in.form(key)
	in.mu.Lock()
	defer in.mu.Unlock()
	table, _ = in.table.Load().(map[string]string)
	if len(table) < internCap {
		grown := make(map[string]string, len(table)+1)
		for k, v := range table {
			grown[k] = v
		}
		grown[key] = s
		in.table.Store(grown)
	}
	return s
}
