package roomcodes

// The library is linked statically: the archive cargo builds, then the system
// libraries Rust's standard library needs.

/*
#cgo CFLAGS: -I${SRCDIR}/../c/include
#cgo LDFLAGS: ${SRCDIR}/../../target/release/libhms_room_codes.a -lm -ldl -lpthread
*/
import "C"
