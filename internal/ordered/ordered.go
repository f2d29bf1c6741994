// Package ordered maps a function over a sequence on several goroutines
// and yields the results in the order of the sequence, holding a bounded
// number of them: the one way textnorm's streams (a document's pieces, a
// JSON Lines input's records) use more than one core while their output
// stays what one core gives.
package ordered

import (
	"iter"
	"sync"
)

// Map returns the sequence of f(v) for each v of in, in in's order,
// computed by workers goroutines (inline, with none started, for workers
// at most 1), with at most 2*workers+1 values taken from in and not yet
// yielded. in is read on one goroutine, f called on the workers; a value
// of in must not be changed by in once taken. Stopping the sequence early
// stops the workers once the values in hand are done.
func Map[T, U any](in iter.Seq[T], workers int, f func(T) U) iter.Seq[U] {
	if workers <= 1 {
		return func(yield func(U) bool) {
			for v := range in {
				if !yield(f(v)) {
					return
				}
			}
		}
	}
	return func(yield func(U) bool) {
		type slot struct {
			v    T
			out  U
			done chan struct{}
		}
		jobs := make(chan *slot)
		queue := make(chan *slot, 2*workers) // in order, taken and not yet yielded
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for s := range jobs {
					s.out = f(s.v)
					close(s.done)
				}
			})
		}
		go func() {
			defer close(queue)
			defer close(jobs)
			for v := range in {
				select {
				case <-stop: // before the selects below, which may pick another ready case
					return
				default:
				}
				s := &slot{v: v, done: make(chan struct{})}
				select {
				case queue <- s:
				case <-stop:
					return
				}
				select {
				case jobs <- s:
				case <-stop:
					close(s.done)
					return
				}
			}
		}()
		defer func() {
			close(stop)
			for s := range queue { // let the feeder and the workers end
				<-s.done
			}
			wg.Wait()
		}()
		for s := range queue {
			<-s.done
			if !yield(s.out) {
				return
			}
		}
	}
}
