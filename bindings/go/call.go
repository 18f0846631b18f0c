package roomcodes

/*
#include "hms_room_codes.h"
*/
import "C"

import (
	"context"
	"runtime"
	"sync"
	"time"
)

// cCall makes one C call with the client, the per-call options and the error
// slot, and copies what it returns into Go memory (freeing the C result).
type cCall[T any] func(client *C.hms_client, call *C.hms_call_options, err **C.hms_error) (T, C.hms_status)

// outcome is what a C call run on its own goroutine gave.
type outcome[T any] struct {
	value T
	err   error
}

// run performs call on c under ctx and frees args once the C call has returned.
//
// A context that can end gets a cancel token and, if it has a deadline, a
// per-call deadline. The C call then runs on its own goroutine: when ctx ends
// first, run cancels the token and returns at once, while that goroutine waits
// for the C call (which the token ends at once, the attempt on the wire
// included), then frees everything and exits. Either way a call that ctx
// ended fails with contextError(ctx.Err()).
func run[T any](ctx context.Context, c *Client, args cArgs, call cCall[T]) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		args.free()
		return zero, contextError(err)
	}
	client, release, err := c.acquire()
	if err != nil {
		args.free()
		return zero, err
	}
	options := &C.hms_call_options{}
	if deadline, ok := ctx.Deadline(); ok {
		options.deadline_ms = durationMS(time.Until(deadline))
		if options.deadline_ms == 0 {
			options.deadline_ms = 1
		}
	}
	if ctx.Done() == nil {
		defer args.free()
		defer release()
		return invoke(c, client, options, call)
	}

	outcomes := make(chan outcome[T], 1) // buffered: the goroutine never blocks
	var tokenMu sync.Mutex               // the token is cancelled and freed under it
	token := C.hms_cancel_token_new()
	options.cancel = token
	go func() {
		value, err := invoke(c, client, options, call)
		release()
		args.free()
		tokenMu.Lock()
		C.hms_cancel_token_free(token)
		token = nil
		tokenMu.Unlock()
		outcomes <- outcome[T]{value, err}
	}()
	select {
	case o := <-outcomes:
		if err := ended(ctx); o.err != nil && err != nil {
			return zero, contextError(err)
		}
		return o.value, o.err
	case <-ctx.Done():
		tokenMu.Lock()
		if token != nil {
			C.hms_cancel_token_cancel(token)
		}
		tokenMu.Unlock()
		return zero, contextError(ctx.Err())
	}
}

// ended is ctx.Err(), or context.DeadlineExceeded once the deadline has
// passed even if ctx has not noticed yet (the C side ends a call at the same
// deadline, and may report it a moment before ctx's timer fires).
func ended(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if deadline, ok := ctx.Deadline(); ok && !time.Now().Before(deadline) {
		return context.DeadlineExceeded
	}
	return nil
}

// invoke makes the C call and turns a failure into an *Error.
func invoke[T any](c *Client, client *C.hms_client, options *C.hms_call_options, call cCall[T]) (T, error) {
	var cerr *C.hms_error
	debugGC()
	value, status := call(client, options, &cerr)
	debugGC()
	runtime.KeepAlive(c)
	if status != C.HMS_STATUS_OK {
		var zero T
		return zero, fromC(status, cerr)
	}
	return value, nil
}
