package roomcodes

/*
#include <stdint.h>
#include "hms_room_codes.h"

// Exported by events.go.
void hmsGoEvent(hms_event *event, void *user);

static void hms_go_event(const hms_event *event, void *user) {
	hmsGoEvent((hms_event *)event, user);
}

static void hms_go_set_event_hook(hms_client_options *options, uintptr_t hook) {
	hms_client_options_set_event_callback(options, hms_go_event, (void *)hook);
}
*/
import "C"

import "runtime/cgo"

// setEventHook has the library hand every event of the calls of a client
// made from options to hook, on the goroutine making the call. The handle it
// returns keeps hook reachable from C until the client's Close deletes it.
// A nil hook sets nothing (events stay off and cost nothing) and returns 0.
func setEventHook(options *C.hms_client_options, hook func(Event)) cgo.Handle {
	if hook == nil {
		return 0
	}
	handle := cgo.NewHandle(hook)
	C.hms_go_set_event_hook(options, C.uintptr_t(handle))
	return handle
}
