package main

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// Progress bar timing: it appears only when the work goes on past
// progressDelay, and is redrawn every progressTick.
const (
	progressDelay = time.Second
	progressTick  = 200 * time.Millisecond
)

// A progress draws a progress bar on a terminal: bytes done of the total,
// rate and time left. Messages written through it (Writer) clear the bar
// first, so that they are not mixed with it.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	total   int64 // bytes, or 0 when unknown (standard input)
	done    atomic.Int64
	start   time.Time
	now     func() time.Time
	shown   bool // a bar is on the terminal line
	stop    chan struct{}
	stopped chan struct{}
}

// newProgress returns a progress for total bytes that draws on w; run
// starts it. When enabled is false, it counts and draws nothing.
func newProgress(w io.Writer, total int64) *progress {
	return &progress{w: w, total: total, now: time.Now, stop: make(chan struct{}), stopped: make(chan struct{})}
}

// run draws the bar until finish is called, after progressDelay.
func (p *progress) run() {
	p.start = p.now()
	go func() {
		defer close(p.stopped)
		delay := time.NewTimer(progressDelay)
		defer delay.Stop()
		select {
		case <-p.stop:
			return
		case <-delay.C:
		}
		tick := time.NewTicker(progressTick)
		defer tick.Stop()
		for {
			p.draw()
			select {
			case <-p.stop:
				return
			case <-tick.C:
			}
		}
	}()
}

// finish stops the bar and clears it.
func (p *progress) finish() {
	close(p.stop)
	<-p.stopped
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "\r%s\x1b[K", p.line(p.done.Load(), p.now().Sub(p.start)))
	p.shown = true
}

func (p *progress) clear() {
	if p.shown {
		io.WriteString(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// line is the text of the bar after elapsed, done bytes done.
func (p *progress) line(done int64, elapsed time.Duration) string {
	rate := float64(done) / max(elapsed.Seconds(), 0.001)
	if p.total <= 0 {
		return fmt.Sprintf("textnorm: %s  %s/s", size(done), size(int64(rate)))
	}
	done = min(done, p.total)
	width := 30
	fill := int(float64(width) * float64(done) / float64(p.total))
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = ' '
		if i < fill {
			bar[i] = '='
		}
	}
	left := "?"
	if rate > 0 {
		left = clock(time.Duration(float64(p.total-done) / rate * float64(time.Second)))
	}
	return fmt.Sprintf("textnorm: [%s] %3d%%  %s / %s  %s/s  %s left",
		bar, 100*done/p.total, size(done), size(p.total), size(int64(rate)), left)
}

// Writer returns a writer for messages that clears the bar before each.
func (p *progress) Writer() io.Writer { return progressWriter{p} }

type progressWriter struct{ p *progress }

func (w progressWriter) Write(b []byte) (int, error) {
	w.p.mu.Lock()
	defer w.p.mu.Unlock()
	w.p.clear()
	return w.p.w.Write(b)
}

// size formats a byte count, such as "12.3 MB".
func size(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d B", n)
}

// clock formats a duration as M:SS or H:MM:SS.
func clock(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
