package textnormbeam

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"io"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn3x1[context.Context, string, func(int, string), error](&writePartsFn{})
	register.Function1x2(shardNumber)
	register.DoFn5x1[context.Context, int, func(*int) bool, func(*string) bool, func(string), error](&writeShardFn{})
	register.Emitter2[int, string]()
	register.Iter1[int]()
	register.Iter1[string]()
}

// ShardName is the name of shard i of n of prefix, as Beam's sharded text
// writers name them: PREFIX-00000-of-00004.
func ShardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d", prefix, i, n)
}

// WriteSharded writes lines, a PCollection of strings, to shards files
// named by ShardName (every shard, an empty one too), a line feed after
// each line, on any file system Beam has (a local path, gs://...). A line
// goes to the shard of its hash: lines come in no order. It returns the
// names written, as a PCollection of strings.
//
// The lines never go through a shuffle: each bundle of the step before
// writes its lines to a part file of its own for each shard,
// PREFIX.tmp-ID-SHARD, as they come (fused with that step, so that no
// line is held: memory follows a bundle, not the output), and only the
// part files' names are grouped by shard; each shard is then its part
// files concatenated, in the order of their names, and the part files
// are removed. A bundle that fails and is retried leaves its part files
// behind (PREFIX.tmp-*), as Beam's own file writes leave temporary files
// to the file system's cleanup.
func WriteSharded(s beam.Scope, prefix string, shards int, lines beam.PCollection) beam.PCollection {
	s = s.Scope("textnorm.WriteSharded")
	shards = max(shards, 1)
	filesystem.ValidateScheme(prefix)
	nums := make([]int, shards)
	for i := range nums {
		nums[i] = i
	}
	// The shard numbers are grouped with the parts, so that a shard
	// with no line is written too.
	all := beam.ParDo(s, shardNumber, beam.CreateList(s, nums))
	parts := beam.ParDo(s, &writePartsFn{Prefix: prefix, Shards: shards}, lines)
	return beam.ParDo(s, &writeShardFn{Prefix: prefix, Shards: shards}, beam.CoGroupByKey(s, all, parts))
}

func shardNumber(i int) (int, int) { return i, i }

// shardOf is the shard of a line: its FNV-1a hash modulo shards.
func shardOf(line string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(line))
	return int(h.Sum32() % uint32(shards))
}

// partName is the name of a bundle's part file of a shard.
func partName(prefix, bundle string, shard int) string {
	return fmt.Sprintf("%s.tmp-%s-%05d", prefix, bundle, shard)
}

// writePartsFn writes the lines of a bundle to its part files, one for
// each shard a line goes to, and emits (shard, part file) for each at the
// bundle's end.
type writePartsFn struct {
	Prefix string
	Shards int

	fs     filesystem.Interface
	bundle string
	parts  []*partFile // by shard; nil until a line goes there
}

type partFile struct {
	name string
	fd   io.WriteCloser
	w    *bufio.Writer
}

func (f *writePartsFn) StartBundle(ctx context.Context, _ func(int, string)) error {
	var id [12]byte
	rand.Read(id[:])
	f.bundle = hex.EncodeToString(id[:])
	f.parts = make([]*partFile, f.Shards)
	return nil
}

func (f *writePartsFn) ProcessElement(ctx context.Context, line string, _ func(int, string)) error {
	shard := shardOf(line, f.Shards)
	p := f.parts[shard]
	if p == nil {
		if f.fs == nil {
			fs, err := filesystem.New(ctx, f.Prefix)
			if err != nil {
				return err
			}
			f.fs = fs
		}
		name := partName(f.Prefix, f.bundle, shard)
		fd, err := f.fs.OpenWrite(ctx, name)
		if err != nil {
			return fmt.Errorf("textnorm: writing %s: %w", name, err)
		}
		p = &partFile{name: name, fd: fd, w: bufio.NewWriterSize(fd, 256<<10)}
		f.parts[shard] = p
	}
	p.w.WriteString(line)
	if err := p.w.WriteByte('\n'); err != nil {
		return fmt.Errorf("textnorm: writing %s: %w", p.name, err)
	}
	return nil
}

func (f *writePartsFn) FinishBundle(ctx context.Context, emit func(int, string)) error {
	var first error
	for shard, p := range f.parts {
		if p == nil {
			continue
		}
		err := p.w.Flush()
		if cerr := p.fd.Close(); err == nil {
			err = cerr
		}
		if err != nil && first == nil {
			first = fmt.Errorf("textnorm: writing %s: %w", p.name, err)
		}
		emit(shard, p.name)
	}
	f.parts = nil
	return first
}

func (f *writePartsFn) Teardown() error {
	if f.fs != nil {
		return f.fs.Close()
	}
	return nil
}

type writeShardFn struct {
	Prefix string
	Shards int
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, _ func(*int) bool, partNames func(*string) bool, emit func(string)) error {
	var parts []string
	var p string
	for partNames(&p) {
		parts = append(parts, p)
	}
	slices.Sort(parts)
	name := ShardName(f.Prefix, shard, f.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	fd, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return fmt.Errorf("textnorm: writing %s: %w", name, err)
	}
	w := bufio.NewWriterSize(fd, 1<<20)
	for _, p := range parts {
		if err := copyPart(ctx, fs, w, p); err != nil {
			fd.Close()
			return fmt.Errorf("textnorm: writing %s: %w", name, err)
		}
	}
	if err := w.Flush(); err != nil {
		fd.Close()
		return fmt.Errorf("textnorm: writing %s: %w", name, err)
	}
	if err := fd.Close(); err != nil {
		return fmt.Errorf("textnorm: writing %s: %w", name, err)
	}
	// The shard is whole: its parts can go.
	if rm, ok := fs.(filesystem.Remover); ok {
		for _, p := range parts {
			if err := rm.Remove(ctx, p); err != nil {
				log.Warnf(ctx, "textnorm: removing %s: %v", p, err)
			}
		}
	}
	emit(name)
	return nil
}

// copyPart appends the part file name to w.
func copyPart(ctx context.Context, fs filesystem.Interface, w io.Writer, name string) error {
	r, err := fs.OpenRead(ctx, name)
	if err != nil {
		return err
	}
	defer r.Close()
	_, err = io.Copy(w, r)
	return err
}
