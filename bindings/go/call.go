package roomcodes

/*
#include "hms_room_codes.h"
*/
import "C"

import (
	"context"
	"time"
	"unsafe"
)

// cStart starts the library's call for one operation on core (copying its
// arguments) at nowMS on the package's clock, bounded by deadlineMS
// milliseconds (0 for none).
type cStart func(core *C.hms_core, nowMS, deadlineMS C.uint64_t, out **C.hms_call, err **C.hms_error) C.hms_status

// cTake copies a finished call's result into Go memory (freeing the C copy),
// its C function writing to o.
type cTake[T any] func(call *C.hms_call, o *outputs) (T, C.hms_status)

// run performs one operation under ctx: the library's call decides each step
// (the signed request, the attempt's timeout, whether and how long to wait,
// the result), and run only does what it says, sending with the client's
// *http.Client and waiting on a Go timer. Every cgo call here is short and
// does no I/O. A ctx that ends stops the call at once (see stop); args (C
// copies of what start's arguments point to, if any) are freed once the call
// has started; opts are given to the call before its first step.
func run[T any](ctx context.Context, c *Client, args cArgs, start cStart, take cTake[T], opts []CallOption) (T, error) {
	var zero T
	options := collect(opts)
	if err := options.check(); err != nil {
		args.free()
		return zero, err
	}
	core, err := c.acquire()
	if err != nil {
		args.free()
		return zero, err
	}
	defer c.release()
	o := getOutputs()
	defer o.put()
	debugGC()
	now := nowMS()
	status := start(core, now, deadlineMS(ctx, now), o.call, o.err)
	args.free()
	if status != C.HMS_STATUS_OK {
		return zero, o.failure(status)
	}
	call := *o.call
	defer C.hms_call_free(call)
	if status := options.apply(call, o.err); status != C.HMS_STATUS_OK {
		return zero, o.failure(status)
	}
	if err := ctx.Err(); err != nil {
		return zero, stop(call, err)
	}
	status = C.hms_call_next(call, nowMS(), o.step, o.err)
	if err := c.transport.drive(ctx, call, o, status); err != nil {
		return zero, err
	}
	debugGC()
	value, status := recording(take, options)(call, o)
	if status != C.HMS_STATUS_OK {
		return zero, o.failure(status)
	}
	return value, nil
}

// drive does what each step of call says, from o.step (which status, the
// result of the C call that wrote it, says is valid), until a step is DONE
// or PAGE: the result can then be taken. A ctx that ends stops it at once.
func (t *transport) drive(ctx context.Context, call *C.hms_call, o *outputs, status C.hms_status) error {
	for status == C.HMS_STATUS_OK {
		switch o.step.kind {
		case C.HMS_STEP_KIND_SEND:
			got := t.send(ctx, o.step)
			if err := ended(ctx); err != nil {
				got.release()
				return stop(call, err)
			}
			status = got.feed(call, nowMS(), o)
			got.release()
		case C.HMS_STEP_KIND_WAIT:
			if err := wait(ctx, time.Duration(o.step.wait_ms)*time.Millisecond); err != nil {
				return stop(call, err)
			}
			status = C.hms_call_next(call, nowMS(), o.step, o.err)
		default: // DONE or PAGE
			return nil
		}
	}
	return o.failure(status)
}

// stop ends call at the library because ctx ended with ctxErr (cancelled, or
// past its deadline): the library words the error and reports the call's end
// to the event hook; the error keeps ctxErr as its cause (errors.Is).
func stop(call *C.hms_call, ctxErr error) error {
	why := C.hms_stop_reason(C.HMS_STOP_REASON_DEADLINE_PASSED)
	if ctxErr == context.Canceled {
		why = C.HMS_STOP_REASON_CANCELLED
	}
	var cerr *C.hms_error
	err := fromC(C.hms_call_stop(call, nowMS(), why, &cerr), cerr)
	err.cause = ctxErr
	return err
}

// clockStart is the origin of the clock the library is told the time on: Go's
// monotonic clock, read through time.Since.
var clockStart = time.Now()

// nowMS is the time now on the package's clock, in milliseconds since
// clockStart; it never goes back.
func nowMS() C.uint64_t {
	return C.uint64_t(time.Since(clockStart) / time.Millisecond)
}

// deadlineMS is what is left at now (a nowMS reading) of ctx's deadline, in
// milliseconds (at least 1), or 0 when ctx has none.
func deadlineMS(ctx context.Context, now C.uint64_t) C.uint64_t {
	deadline, ok := ctx.Deadline()
	if !ok {
		return 0
	}
	if at := durationMS(deadline.Sub(clockStart)); at > now {
		return at - now
	}
	return 1
}

// wait waits d on a timer, or until ctx ends (its error is returned then).
func wait(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ended is ctx.Err(), or context.DeadlineExceeded once the deadline has
// passed even if ctx has not noticed yet.
func ended(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if deadline, ok := ctx.Deadline(); ok && !time.Now().Before(deadline) {
		return context.DeadlineExceeded
	}
	return nil
}

// feed gives the library what an attempt got, at now; it writes the next
// step to o.
func (g attempt) feed(call *C.hms_call, now C.uint64_t, o *outputs) C.hms_status {
	if g.failed {
		return C.hms_call_on_failure(call, now, g.failure, o.step, o.err)
	}
	headers, body := g.headers.Bytes(), g.body.Bytes()
	return C.hms_call_on_response(call, now, C.uint16_t(g.status), bytesPtr(headers), C.size_t(len(headers)),
		bytesPtr(body), C.size_t(len(body)), o.step, o.err)
}

// bytesPtr points C at b's bytes for the length of one call (nil when empty).
func bytesPtr(b []byte) *C.uint8_t {
	if len(b) == 0 {
		return nil
	}
	return (*C.uint8_t)(unsafe.Pointer(&b[0]))
}
