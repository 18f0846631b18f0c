package roomcodes

// The library (the sans-IO C API: no HTTP, no TLS; this package does the I/O
// with net/http) is linked statically from the archive for the target
// platform, kept inside this module (lib/<GOOS>_<GOARCH>[_musl]/: prebuilt in
// a release, put there by `make go-lib` in a checkout), with the system
// libraries Rust's standard library needs there. On musl (Alpine) build with
// -tags musl; the check below stops a build that picked the wrong one.
// platform_unsupported.go and cgo_required.go stop a build that has no
// archive to link with a message that says why.

/*
#cgo CFLAGS: -I${SRCDIR}/include
#cgo linux,!musl,amd64 LDFLAGS: ${SRCDIR}/lib/linux_amd64/libhms_room_codes.a -lm -ldl -lpthread -lgcc_s
#cgo linux,!musl,arm64 LDFLAGS: ${SRCDIR}/lib/linux_arm64/libhms_room_codes.a -lm -ldl -lpthread -lgcc_s
#cgo linux,musl CFLAGS: -DHMS_ROOM_CODES_MUSL
#cgo linux,musl,amd64 LDFLAGS: ${SRCDIR}/lib/linux_amd64_musl/libhms_room_codes.a -lc
#cgo linux,musl,arm64 LDFLAGS: ${SRCDIR}/lib/linux_arm64_musl/libhms_room_codes.a -lc
#cgo darwin,amd64 LDFLAGS: ${SRCDIR}/lib/darwin_amd64/libhms_room_codes.a -liconv -lm
#cgo darwin,arm64 LDFLAGS: ${SRCDIR}/lib/darwin_arm64/libhms_room_codes.a -liconv -lm
#cgo windows,amd64 LDFLAGS: ${SRCDIR}/lib/windows_amd64/libhms_room_codes.a -lbcrypt -ladvapi32 -lkernel32 -lntdll -luserenv -lws2_32

#include <stdint.h>
#if defined(__linux__) && !defined(__GLIBC__) && !defined(HMS_ROOM_CODES_MUSL)
#error "roomcodes: this C library is musl (Alpine), not glibc: build with -tags musl"
#endif
#if defined(__linux__) && defined(__GLIBC__) && defined(HMS_ROOM_CODES_MUSL)
#error "roomcodes: -tags musl is for musl C libraries (Alpine); this one is glibc: build without it"
#endif
*/
import "C"
