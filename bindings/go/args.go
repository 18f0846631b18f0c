package roomcodes

/*
#include <stdlib.h>
#include "hms_room_codes.h"
*/
import "C"

import (
	"fmt"
	"math"
	"strings"
	"unsafe"
)

// cArgs holds the C copies of a call's string arguments until free.
type cArgs []*C.char

// add copies s to C memory and returns the copy; optional arguments given
// as "" become NULL. A NUL inside s is an invalid argument (C would cut the
// string there).
func (a *cArgs) add(name, s string, optional bool) (*C.char, error) {
	if optional && s == "" {
		return nil, nil
	}
	if err := checkText(name, s); err != nil {
		return nil, err
	}
	p := C.CString(s)
	*a = append(*a, p)
	return p, nil
}

// checkText refuses a NUL inside s, where C would cut the string.
func checkText(name, s string) error {
	if strings.IndexByte(s, 0) >= 0 {
		return invalidArgument(fmt.Sprintf("%s must not contain a NUL byte", name))
	}
	return nil
}

// free releases every copy; call it once the C call has returned.
func (a cArgs) free() {
	for _, p := range a {
		C.free(unsafe.Pointer(p))
	}
}

// listFilter copies f into a C filter whose strings live in args.
func (a *cArgs) listFilter(f *ListFilter) (*C.hms_list_filter, error) {
	if f == nil {
		return nil, nil
	}
	var filter C.hms_list_filter
	var err error
	if filter.role, err = a.add("filter role", f.Role, true); err != nil {
		return nil, err
	}
	if filter.start, err = a.add("filter start", f.Start, true); err != nil {
		return nil, err
	}
	if f.Limit < 0 || f.Limit > math.MaxUint32 {
		return nil, invalidArgument(fmt.Sprintf("filter limit %d is out of range", f.Limit))
	}
	filter.limit = C.uint32_t(f.Limit)
	switch {
	case f.Enabled == nil:
		filter.enabled = C.HMS_ENABLED_ANY
	case *f.Enabled:
		filter.enabled = C.HMS_ENABLED_ONLY
	default:
		filter.enabled = C.HMS_DISABLED_ONLY
	}
	return &filter, nil
}
