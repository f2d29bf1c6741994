package textnormbeam

import (
	"bufio"
	"context"
	"fmt"
	"hash/fnv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn2x0[string, func(int, string)](&shardFn{})
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
func WriteSharded(s beam.Scope, prefix string, shards int, lines beam.PCollection) beam.PCollection {
	s = s.Scope("textnorm.WriteSharded")
	shards = max(shards, 1)
	filesystem.ValidateScheme(prefix)
	nums := make([]int, shards)
	for i := range nums {
		nums[i] = i
	}
	// The shard numbers are grouped with the lines, so that a shard
	// with no line is written too.
	all := beam.ParDo(s, shardNumber, beam.CreateList(s, nums))
	keyed := beam.ParDo(s, &shardFn{Shards: shards}, lines)
	return beam.ParDo(s, &writeShardFn{Prefix: prefix, Shards: shards}, beam.CoGroupByKey(s, all, keyed))
}

func shardNumber(i int) (int, int) { return i, i }

type shardFn struct{ Shards int }

func (f *shardFn) ProcessElement(line string, emit func(int, string)) {
	h := fnv.New32a()
	h.Write([]byte(line))
	emit(int(h.Sum32()%uint32(f.Shards)), line)
}

type writeShardFn struct {
	Prefix string
	Shards int
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, _ func(*int) bool, lines func(*string) bool, emit func(string)) error {
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
	var line string
	for lines(&line) {
		w.WriteString(line)
		if err := w.WriteByte('\n'); err != nil {
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
	emit(name)
	return nil
}
