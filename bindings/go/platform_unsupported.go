//go:build cgo && !(linux && (amd64 || arm64))

package roomcodes

// The module ships the library prebuilt for linux/amd64 and linux/arm64 only
// (lib/<GOOS>_<GOARCH>/). The undefined type below is the build error that
// says so on any other platform.
type _ roomcodes_has_no_prebuilt_library_for_this_GOOS_GOARCH_only_linux_amd64_and_linux_arm64
