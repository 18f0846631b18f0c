//go:build !hmsgcdebug

package roomcodes

// debugGC does nothing; build with -tags hmsgcdebug to force a collection
// around every C call, which turns a missing runtime.KeepAlive into a crash.
func debugGC() {}
