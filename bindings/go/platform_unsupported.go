//go:build cgo && !(linux && (amd64 || arm64)) && !(darwin && (amd64 || arm64)) && !(windows && amd64)

package roomcodes

// The module ships the library prebuilt for linux/amd64 and linux/arm64 (glibc,
// or musl with -tags musl), darwin/amd64 and darwin/arm64, and windows/amd64
// (lib/). The undefined type below is the build error that says so on any
// other platform.
type _ roomcodes_has_no_prebuilt_library_for_this_GOOS_GOARCH_only_linux_darwin_amd64_arm64_and_windows_amd64
