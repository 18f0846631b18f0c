//go:build !cgo

package roomcodes

// This package calls the library's C API through cgo, so it does not build
// with cgo off. The undefined type below is the build error that says so.
type _ roomcodes_needs_cgo_build_with_CGO_ENABLED_1_and_a_C_compiler
