package roomcodes

// The library is linked statically from the archive for the target platform,
// kept inside this module (lib/<GOOS>_<GOARCH>/: prebuilt in a release, put
// there by `make go-lib` in a checkout), then the system libraries Rust's
// standard library needs (-lgcc_s is its unwinder; zig cc puts its own in its
// place). platform_unsupported.go and cgo_required.go stop a build that has
// no archive to link with a message that says why.

/*
#cgo CFLAGS: -I${SRCDIR}/include
#cgo linux,amd64 LDFLAGS: ${SRCDIR}/lib/linux_amd64/libhms_room_codes.a -lm -ldl -lpthread -lgcc_s
#cgo linux,arm64 LDFLAGS: ${SRCDIR}/lib/linux_arm64/libhms_room_codes.a -lm -ldl -lpthread -lgcc_s
*/
import "C"
