package roomcodes

/*
#include "hms_room_codes.h"
*/
import "C"

import (
	"time"
	"unsafe"
)

// RoomCode is one room code, as the service sent it.
type RoomCode struct {
	// Code is the code itself, e.g. "wpi-srjb-wer".
	Code string
	// RoomID is the room the code belongs to.
	RoomID string
	// Role is the role a person joining with this code gets.
	Role string
	// Enabled says whether the code can be used to join.
	Enabled bool
	// CreatedAt is when the code was created, or nil if the service did not say.
	CreatedAt *time.Time
	// UpdatedAt is when the code was last changed, or nil if the service did not say.
	UpdatedAt *time.Time
}

// RoomCodePage is one page of a room's codes.
type RoomCodePage struct {
	// Data holds the codes on this page.
	Data []RoomCode
	// Last is the cursor of the next page (pass it as ListFilter.Start), or ""
	// when this is the last page.
	Last string
	// Limit is the page size the service used, or 0 if it did not say.
	Limit int
}

// ListFilter says which codes to list; the zero value lists them all.
type ListFilter struct {
	// Role keeps only codes of this role ("" for every role).
	Role string
	// Enabled keeps only enabled (true) or disabled (false) codes (nil for both).
	Enabled *bool
	// Limit is the page size to ask for (0 for the service's default).
	Limit int
	// Start is the cursor to start after (a page's Last), or "" to start at the first code.
	Start string
}

// RoomLinkOptions is what a room link is made of: Code and exactly one of
// Subdomain and Domain.
type RoomLinkOptions struct {
	// Subdomain is the app's 100ms subdomain: https://{subdomain}.app.100ms.live/meeting/{code}.
	Subdomain string
	// Domain is a custom domain, with an optional port: https://{domain}/{code}.
	Domain string
	// Code is the room code.
	Code string
	// UserID is the optional userId query value.
	UserID string
	// Name is the optional name query value (the name shown for the person).
	Name string
}

// AuthToken is a client auth token from AuthTokenForCode: the token a 100ms
// client SDK joins with, and when it expires. Printing it (fmt, %v, %#v, any
// verb) or json.Marshal shows the token as "<redacted>"; read Token to use it.
type AuthToken struct {
	// Token is the token itself (a JWT).
	Token string
	// ExpiresAt is when the token expires; nil if the service did not say.
	ExpiresAt *time.Time
}

// codeTexts are the texts of a C room code.
func codeTexts(code *C.hms_room_code) [5]*C.char {
	return [5]*C.char{code.code, code.room_id, code.role, code.created_at, code.updated_at}
}

// goRoomCodes copies n C room codes starting at first: all their texts into
// one Go string, and all their times into one array, rather than an
// allocation for each.
func goRoomCodes(first *C.hms_room_code, n C.size_t) []RoomCode {
	codes := make([]RoomCode, int(n))
	if n == 0 {
		return codes
	}
	items := unsafe.Slice(first, int(n))
	var texts textBlock
	size := 0
	for i := range items {
		for _, p := range codeTexts(&items[i]) {
			size += len(cBytes(p))
		}
	}
	texts.grow(size)
	times := make([]time.Time, 2*len(items))
	for i := range items {
		item := &items[i]
		codes[i] = RoomCode{
			Code:      texts.take(item.code),
			RoomID:    texts.take(item.room_id),
			Role:      texts.take(item.role),
			Enabled:   bool(item.enabled),
			CreatedAt: timestamp(texts.take(item.created_at), &times[2*i]),
			UpdatedAt: timestamp(texts.take(item.updated_at), &times[2*i+1]),
		}
	}
	return codes
}

// goPage copies a C page.
func goPage(page *C.hms_room_code_page) *RoomCodePage {
	p := &RoomCodePage{Data: goRoomCodes(page.items, page.len), Limit: int(page.limit)}
	if page.last != nil {
		p.Last = C.GoString(page.last)
	}
	return p
}
