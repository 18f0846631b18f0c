package roomcodes

/*
#include "hms_room_codes.h"
*/
import "C"

import (
	"log"
	"runtime/cgo"
	"runtime/debug"
	"time"
	"unsafe"
)

// Event is one thing a call did, as the library saw it: an attempt started,
// a response came back, an attempt got no response, the call waits before
// retrying, or the call ended. The library decides every event and what it
// holds, and it holds no credential, token, header value or body.
type Event struct {
	// Name is "attempt_started", "response", "transport_failure",
	// "retry_wait" or "call_ended".
	Name string
	// Operation is the method called, e.g. "CreateForRole" ("List" for each
	// page of a List or Codes).
	Operation string
	// Attempt is the attempt, from 1 (for "retry_wait" the one after the
	// wait; for "call_ended" the attempts sent).
	Attempt int
	// HTTPStatus is the status of a "response", else 0.
	HTTPStatus int
	// Elapsed is the attempt's time ("response", "transport_failure") or the
	// whole call's ("call_ended"), else 0.
	Elapsed time.Duration
	// Wait is how long a "retry_wait" waits, else 0.
	Wait time.Duration
	// Kind is the error of a "call_ended" that failed, else 0.
	Kind Kind
	// RequestID is the service's id of a "response", if it sent one.
	RequestID string
	// Level is how much the event matters to someone reading a log.
	Level EventLevel
	// Line is the whole event as one readable line, the same in every
	// binding, e.g. "hms response operation=CreateForRole attempt=1
	// status=200 elapsed_ms=12 body_bytes=80 request_id=...".
	Line string
}

// String is the event's readable line.
func (e Event) String() string {
	return e.Line
}

// EventLevel is the level the library grades an event at, as its other
// bindings log it.
type EventLevel int

// The levels of events.
const (
	// EventDebug: each attempt and response.
	EventDebug EventLevel = C.HMS_EVENT_LEVEL_DEBUG
	// EventInfo: retry waits, transport failures and a call that succeeded.
	EventInfo EventLevel = C.HMS_EVENT_LEVEL_INFO
	// EventWarn: a call that failed.
	EventWarn EventLevel = C.HMS_EVENT_LEVEL_WARN
)

// hmsGoEvent is the C callback of a client with Config.OnEvent: user is the
// cgo.Handle of the hook. It runs on the goroutine that makes the call,
// inside the library's step.
//
//export hmsGoEvent
func hmsGoEvent(event *C.hms_event, user unsafe.Pointer) {
	hook := cgo.Handle(uintptr(user)).Value().(func(Event))
	deliver(hook, eventFromC(event))
}

// deliver calls hook with e. A panic in hook must not unwind through the
// library's frames: it is logged and the call goes on.
func deliver(hook func(Event), e Event) {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("roomcodes: Config.OnEvent panicked (the call goes on): %v\n%s", r, debug.Stack())
		}
	}()
	hook(e)
}

// eventFromC copies event, which lives only during the callback.
func eventFromC(event *C.hms_event) Event {
	e := Event{
		Name:       C.GoString(event.name),
		Operation:  C.GoString(event.operation),
		Attempt:    int(event.attempt),
		HTTPStatus: int(event.http_status),
		Elapsed:    time.Duration(event.elapsed_ms) * time.Millisecond,
		Wait:       time.Duration(event.wait_ms) * time.Millisecond,
		Kind:       Kind(event.error),
		Level:      EventLevel(event.level),
		Line:       C.GoString(event.line),
	}
	if event.request_id != nil {
		e.RequestID = C.GoString(event.request_id)
	}
	return e
}
