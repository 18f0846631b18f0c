package roomcodes

/*
#include "hms_room_codes.h"
*/
import "C"

import (
	"context"
	"runtime"
)

// CodeIterator walks the codes of a room page by page, fetching the next page
// when the codes of the last one have been read:
//
//	it := client.Codes(ctx, roomID, nil)
//	defer it.Close()
//	for it.Next() {
//		code := it.Code()
//		...
//	}
//	if err := it.Err(); err != nil { ... }
//
// The context given to Codes bounds every page. An iterator is for one
// goroutine at a time. Until it has ended (Next returned false) or been
// closed, it holds its client open: Client.Close waits for it.
type CodeIterator struct {
	ctx    context.Context
	client *Client
	call   *C.hms_call
	out    *outputs // its call's, until it ends
	page   []RoomCode
	code   RoomCode
	err    error
	last   bool
	opts   callOptions
}

// Codes starts walking the codes of room roomID that filter keeps (nil for
// all); see CodeIterator. List gives them all at once instead.
func (c *Client) Codes(ctx context.Context, roomID string, filter *ListFilter, opts ...CallOption) *CodeIterator {
	it := &CodeIterator{ctx: ctx, client: c, opts: collect(opts)}
	var args cArgs
	defer args.free()
	room, err1 := goText("roomID", roomID, false)
	f, err2 := args.listFilter(filter)
	if it.err = firstError(err1, err2, it.opts.check()); it.err != nil {
		return it
	}
	core, err := c.acquire()
	if err != nil {
		it.err = err
		return it
	}
	it.out = getOutputs()
	now := nowMS()
	if status := C.hms_call_list_pages(core, now, deadlineMS(ctx, now), room, f, it.out.call, it.out.err); status != C.HMS_STATUS_OK {
		c.release()
		it.err = it.out.failure(status)
		it.out.put()
		it.out = nil
		return it
	}
	it.call = *it.out.call
	runtime.SetFinalizer(it, (*CodeIterator).Close)
	if status := it.opts.apply(it.call, it.out.err); status != C.HMS_STATUS_OK {
		it.err = it.out.failure(status)
		it.Close()
	} else if err := ctx.Err(); err != nil {
		it.err = stop(it.call, err)
		it.Close()
	}
	return it
}

// Next moves to the next code, fetching a page when needed; false once the
// codes are over or an error (see Err) ended the walk.
func (it *CodeIterator) Next() bool {
	for len(it.page) == 0 {
		if it.err != nil || it.call == nil || it.last {
			it.Close()
			return false
		}
		it.fetch()
	}
	it.code, it.page = it.page[0], it.page[1:]
	return true
}

// fetch gets the next page's codes into it.page, or sets it.err.
func (it *CodeIterator) fetch() {
	status := C.hms_call_next(it.call, nowMS(), it.out.step, it.out.err)
	if it.err = it.client.transport.drive(it.ctx, it.call, it.out, status); it.err != nil {
		return
	}
	it.last = it.out.step.kind == C.HMS_STEP_KIND_DONE
	it.page, status = recording(takeCodes, it.opts)(it.call, it.out)
	if status != C.HMS_STATUS_OK {
		it.err = it.out.failure(status)
	}
}

// Code is the code Next moved to.
func (it *CodeIterator) Code() RoomCode {
	return it.code
}

// Err is the error that ended the walk, or nil.
func (it *CodeIterator) Err() error {
	return it.err
}

// Close stops the walk early and lets the client go; closing twice, or after
// the end, is harmless.
func (it *CodeIterator) Close() error {
	if it.call != nil {
		C.hms_call_free(it.call)
		it.call = nil
		it.out.put()
		it.out = nil
		it.client.release()
		runtime.SetFinalizer(it, nil)
	}
	return nil
}
