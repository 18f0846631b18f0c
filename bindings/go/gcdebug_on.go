//go:build hmsgcdebug

package roomcodes

import "runtime"

// debugGC forces a collection (this build has the hmsgcdebug tag), so that a
// Go value the C side still needs but Go forgot to keep alive is freed early.
func debugGC() { runtime.GC() }
