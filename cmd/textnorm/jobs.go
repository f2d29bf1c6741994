package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/textnorm/textnorm/jsonl"
)

// bufferedOutput returns the writer of a run's output: every command's
// output goes through one, so that standard output is written a buffer
// at a time (one write(2) per 64 KB), however small the writes of the
// writers above it (a Deduper writes each paragraph). The run flushes it
// at its end, and the sequencer before the messages of each input.
func bufferedOutput(e *env) *bufio.Writer {
	return bufio.NewWriterSize(e.stdout, 64<<10)
}

// maxHeld is how much output a job that is not first in line holds before
// it waits for the jobs before it to finish: memory stays bounded by
// -j times maxHeld whatever the size of the inputs.
const maxHeld = 8 << 20

// A sequencer runs jobs in parallel and writes their output, and their
// messages, in the order of the jobs: the first unfinished job writes
// straight through, the others hold their output until it is their turn.
type sequencer struct {
	mu      sync.Mutex
	cond    *sync.Cond
	out     io.Writer
	msgs    io.Writer
	head    int
	jobs    []*jobOutput
	err     error // the first error writing out
	stopped bool
}

// A jobOutput is where a job writes: Write for its output, report for its
// messages and failures.
type jobOutput struct {
	s      *sequencer
	idx    int
	buf    bytes.Buffer
	notes  []string
	failed bool
	done   bool
}

// runJobs runs work for each of n jobs, jobs at a time, and returns how
// many of them failed and the error, if any, of writing the output (EPIPE
// included).
func runJobs(e *env, n, jobs int, out io.Writer, work func(i int, w *jobOutput)) (failed int, werr error) {
	s := &sequencer{out: out, msgs: e.stderr}
	s.cond = sync.NewCond(&s.mu)
	s.jobs = make([]*jobOutput, n)
	for i := range s.jobs {
		s.jobs[i] = &jobOutput{s: s, idx: i}
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(max(jobs, 1), max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				w := s.jobs[i]
				if !s.isStopped() {
					work(i, w)
				}
				s.finish(w)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, j := range s.jobs {
		if j.failed {
			failed++
		}
	}
	return failed, s.err
}

func (s *sequencer) isStopped() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopped
}

// Write writes the job's output, in turn.
func (w *jobOutput) Write(p []byte) (int, error) {
	s := w.s
	s.mu.Lock()
	for s.head != w.idx && w.buf.Len()+len(p) > maxHeld && s.err == nil && !s.stopped {
		s.cond.Wait()
	}
	if s.err != nil {
		s.mu.Unlock()
		return 0, s.err
	}
	if s.head != w.idx {
		w.buf.Write(p)
		s.mu.Unlock()
		return len(p), nil
	}
	s.mu.Unlock()
	// The head job writes alone: the head moves on only when it finishes.
	n, err := s.out.Write(p)
	if err != nil {
		s.fail(err)
	}
	return n, err
}

// flush calls flushOut, which sends on what the output the jobs write to
// holds, when the job is first in line: the head job writes alone.
func (w *jobOutput) flush(flushOut func() error) error {
	s := w.s
	s.mu.Lock()
	head, err := s.head == w.idx, s.err
	s.mu.Unlock()
	if !head || err != nil {
		return err
	}
	if err := flushOut(); err != nil {
		s.fail(err)
		return err
	}
	return nil
}

// fail records an error writing the output and stops the other jobs.
func (s *sequencer) fail(err error) {
	s.mu.Lock()
	if s.err == nil {
		s.err = err
	}
	s.stopped = true
	s.cond.Broadcast()
	s.mu.Unlock()
}

// report notes a failure of the job, written to standard error in turn;
// a file that the walk of -r passes by is said, and is no failure.
func (w *jobOutput) report(err error) {
	var nr *notRegularError
	if !errors.As(err, &nr) || !nr.skipped {
		w.failed = true
	}
	w.note(err)
}

// note notes a message that is not a failure, such as a warning.
func (w *jobOutput) note(msg error) {
	w.notes = append(w.notes, msg.Error())
}

// finish marks the job done and writes out what the jobs done in turn hold.
func (s *sequencer) finish(w *jobOutput) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w.done = true
	for s.head < len(s.jobs) && s.jobs[s.head].done {
		j := s.jobs[s.head]
		if j.buf.Len() > 0 && s.err == nil {
			if _, err := s.out.Write(j.buf.Bytes()); err != nil {
				s.err, s.stopped = err, true
			}
		}
		j.buf = bytes.Buffer{}
		if f, ok := s.out.(interface{ Flush() error }); ok && len(j.notes) > 0 && s.err == nil {
			// The input's output before its messages, as if unbuffered.
			if err := f.Flush(); err != nil {
				s.err, s.stopped = err, true
			}
		}
		for _, m := range j.notes {
			fmt.Fprintf(s.msgs, "textnorm: %s\n", m)
		}
		s.head++
		if s.head < len(s.jobs) && s.err == nil {
			// The next job writes straight through from now on.
			nj := s.jobs[s.head]
			if nj.buf.Len() > 0 {
				if _, err := s.out.Write(nj.buf.Bytes()); err != nil {
					s.err, s.stopped = err, true
				}
				nj.buf = bytes.Buffer{}
			}
		}
	}
	s.cond.Broadcast()
}

// forEachRecord calls fn with each record of a JSON Lines input in turn
// (see jsonl.Scanner). A record without its string field is reported to
// w (one failure each; the run goes on) and passed to fn too, not OK;
// blank lines are passed the same way, without a report. With
// --errors=inline a bad record is not reported: fn writes its error in
// its place (see inlineError).
func forEachRecord(src *source, field string, w *jobOutput, fn func(r *jsonl.Record) error) error {
	sc := jsonl.NewScanner(src.text, src.display, field)
	if src.rejectInvalid {
		sc.RejectInvalidUTF8()
	}
	for sc.Scan() {
		r := sc.Record()
		if r.Err != nil && src.errors != jsonl.ErrorsInline {
			w.report(r.Err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return sc.Err()
}

// inlineError returns the line of a bad record's error for
// --errors=inline (jsonl.Record.AppendError), with a line feed when eol
// or when the record had one; nil without --errors=inline or for a record
// that is not bad (a blank line).
func inlineError(src *source, r *jsonl.Record, eol bool) []byte {
	if src.errors != jsonl.ErrorsInline || r.Err == nil {
		return nil
	}
	line := r.AppendError(make([]byte, 0, 128+len(r.Raw)*4/3))
	if eol || bytes.HasSuffix(r.Raw, []byte("\n")) {
		line = append(line, '\n')
	}
	return line
}

// startProgress starts a progress bar over the inputs when standard error
// is a terminal, and makes e.stderr clear it before each message. It
// returns the counter the inputs add their bytes to (nil without a bar)
// and the function that ends it.
func startProgress(e *env, ins []input) (*atomic.Int64, func()) {
	if !e.stderrTTY {
		return nil, func() {}
	}
	var total int64
	for _, in := range ins {
		if in.name == "-" {
			total = 0
			break
		}
		size, ok := inputSize(in.name)
		if !ok {
			total = 0 // unknown: the bar shows bytes and rate only
			break
		}
		total += size
	}
	p := newProgress(e.stderr, total)
	e.stderr = p.Writer()
	p.run()
	return &p.done, p.finish
}

// isBrokenPipe reports whether err is a write to a closed pipe.
func isBrokenPipe(err error) bool {
	return errors.Is(err, syscall.EPIPE)
}
