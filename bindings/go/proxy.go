package roomcodes

/*
#include "hms_room_codes.h"
*/
import "C"

import (
	"net/http"
	"net/url"
	"unsafe"
)

// proxyOf is the Proxy function of the default HTTP client of core: for each
// request, the proxy the library's rule picks (Config.Proxy, else the
// environment's, after NO_PROXY), or none. Nil when core uses no proxy at
// all, so that a client without one asks nothing. The core must outlive the
// function's uses (every use is inside a call, which holds the client open).
func proxyOf(core *C.hms_core) func(*http.Request) (*url.URL, error) {
	if !C.hms_core_has_proxy(core) {
		return nil
	}
	return func(request *http.Request) (*url.URL, error) {
		target := []byte(request.URL.Scheme + "://" + request.URL.Host + "/")
		var proxy *C.uint8_t
		var size C.size_t
		if !C.hms_core_proxy_for(core, (*C.uint8_t)(&target[0]), C.size_t(len(target)), &proxy, &size) {
			return nil, nil
		}
		return url.Parse(C.GoStringN((*C.char)(unsafe.Pointer(proxy)), C.int(size)))
	}
}
