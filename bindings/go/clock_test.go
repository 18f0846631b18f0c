package roomcodes

import (
	"context"
	"testing"
	"time"
)

// The library is told the time on the package's monotonic clock, and a
// context's deadline as what is left of it then.
func TestDeadlineIsWhatIsLeftOnThePackagesClock(t *testing.T) {
	before := uint64(nowMS())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	now := nowMS()
	if uint64(now) < before {
		t.Fatalf("the clock went back from %d to %d", before, uint64(now))
	}
	if left := uint64(deadlineMS(ctx, now)); left < 4000 || left > 5001 {
		t.Fatalf("a 5 s deadline left %d ms", left)
	}
	// Later on the clock, less is left: the time given is what counts.
	if left := uint64(deadlineMS(ctx, now+3000)); left < 1000 || left > 2001 {
		t.Fatalf("3 s later, a 5 s deadline left %d ms", left)
	}
	if left := uint64(deadlineMS(ctx, now+10_000)); left != 1 {
		t.Fatalf("a passed deadline left %d ms, want 1 (the library ends the call)", left)
	}
	if left := uint64(deadlineMS(context.Background(), now)); left != 0 {
		t.Fatalf("no deadline gave %d ms, want 0 (none)", left)
	}
}
