package ordered

import (
	"iter"
	"runtime"
	"sync/atomic"
	"testing"
)

func count(n int, taken *atomic.Int64) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			taken.Add(1)
			if !yield(i) {
				return
			}
		}
	}
}

// TestMap checks the order of the results, the bound on the values in
// hand, and stopping early, with 1 to 8 workers.
func TestMap(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 3, 8} {
		var taken atomic.Int64
		next := 0
		for v := range Map(count(1000, &taken), workers, func(i int) int {
			if i%7 == 0 {
				runtime.Gosched() // some finish out of order
			}
			return i * i
		}) {
			if v != next*next {
				t.Fatalf("%d workers: got %d, want %d", workers, v, next*next)
			}
			next++
			if ahead := taken.Load() - int64(next); ahead > int64(2*max(workers, 1)+1) {
				t.Fatalf("%d workers: %d values taken and not yielded", workers, ahead)
			}
		}
		if next != 1000 {
			t.Fatalf("%d workers: %d results", workers, next)
		}
		taken.Store(0)
		n := 0
		for range Map(count(1000, &taken), workers, func(i int) int { return i }) {
			if n++; n == 10 {
				break
			}
		}
		if got := taken.Load(); got > int64(10+2*max(workers, 1)+1) {
			t.Fatalf("%d workers: %d taken after a stop at 10", workers, got)
		}
	}
}
