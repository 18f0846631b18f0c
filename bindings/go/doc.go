// Package roomcodes is the Go binding of hms-room-codes, an SDK for the 100ms
// Room Codes API: create room codes for the roles of a room, list, enable and
// disable them, exchange a code for an auth token, and build room links.
//
// Go does the I/O: the library (Rust, linked through cgo) decides each step of
// a call — the signed request, each attempt's timeout, whether to retry and
// how long to wait, the result or the error — and this package sends each
// request with net/http (Config.HTTPClient, or a default client that takes its
// proxy from the environment and trusts the system's roots) and waits on Go
// timers. Each cgo call is short and does no I/O.
//
// The library is linked statically from the archive inside this module for the
// target platform, lib/<GOOS>_<GOARCH>/: linux/amd64 and linux/arm64 (glibc
// 2.17 or later; on musl, as on Alpine, build with -tags musl), darwin/amd64 and
// darwin/arm64, and windows/amd64. A released module builds with nothing but a
// C compiler:
//
//	go get github.com/hms-room-codes/roomcodes
//
// It needs cgo (CGO_ENABLED=1). To cross-compile, give a C compiler for the
// target, such as CC="zig cc -target aarch64-linux-gnu" (for windows with zig,
// also CGO_LDFLAGS=-lunwind). In a checkout of the repository, `make go-lib`
// builds the library and links it where the #cgo lines look.
//
// # Using it
//
// Make one [Client] and share it: it is safe for concurrent use by any number
// of goroutines, pools its connections, and caches its management token.
// Every operation takes a [context.Context] first. Its deadline bounds the
// whole call, every retry and wait included: an attempt is cut at the
// deadline, and a retry whose wait would end past the deadline is not started
// (the call fails at once instead of sleeping into the deadline). Cancelling
// ctx ends the call at once, the attempt on the wire included (net/http
// cancels it, connect included), and nothing leaks.
//
// Every timeout has one shape: an *[Error] of kind KindTimeout that matches
// both ErrTimeout and context.DeadlineExceeded with errors.Is, whether an
// attempt ran past Config.Timeout or ctx's deadline passed. A cancelled call
// matches context.Canceled (and ErrTimeout, the kind every binding gives it).
//
// Errors are *[Error] values with a [Kind]; test for a kind with errors.Is and
// the sentinels, e.g. errors.Is(err, roomcodes.ErrRoomNotFound).
//
// Close the client when done; a finalizer closes a forgotten one.
package roomcodes
