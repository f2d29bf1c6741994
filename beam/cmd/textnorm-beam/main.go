// Command textnorm-beam runs textnorm over a corpus as an Apache Beam
// pipeline: locally on Prism by default, or on Dataflow, Flink or Spark
// with Beam's own flags (--runner, --project, --region, --endpoint,
// --environment_type, ...), which pass through.
//
//	textnorm-beam normalize --input 'corpus/*.txt' --output out/norm [--profile P|auto] [--form F] [--with R] [--without R]
//	                        [--encoding NAME] [--invalid error|replace|keep] [--binary] (every command)
//	textnorm-beam tag       --input 'corpus/*.jsonl.gz' --jsonl --field text [--id id] --output out/segs [--profile auto|P] [--langs L,...] [--all] [--offsets byte,rune,utf16]
//	textnorm-beam dedupe    --input 'corpus/*' --output out/kept [--documents] [--profile P]
//	textnorm-beam stats     --input 'corpus/*' --output out/stats [--langs L,...]
//
// The flags parse into textnormbeam's options; the transforms are the
// library's.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/beam/textnormbeam"
	"github.com/textnorm/textnorm/language"
	"github.com/textnorm/textnorm/normalize"
)

// The flags are the process's: Beam's own are on flag.CommandLine too,
// and a worker process started by a runner is this binary with Beam's
// flags only (no subcommand), which beam.Init takes over.
var (
	input    = flag.String("input", "", "the `glob` of the input files (local or gs://...); .gz files are decompressed")
	output   = flag.String("output", "", "the output `prefix`: files PREFIX-00000-of-0000N")
	shards   = flag.Int("shards", 4, "the `number` of output files (stats writes one)")
	jsonlIn  = flag.Bool("jsonl", false, "read JSON Lines records: each record's string field --field is a document")
	field    = flag.String("field", "", "with --jsonl: the `name` of the top-level string field, such as text")
	invalid  normalize.InvalidPolicy
	encoding normalize.Encoding
	binary   = flag.Bool("binary", false, "read text files with NUL bytes as text (they are reported and left out as binary otherwise)")
	profile  = flag.String("profile", "", "the `profile`: auto (each language its own) or a profile name (default: default for normalize and dedupe, auto for tag)")
	form     normalize.Form
	with     normalize.RuleList
	without  normalize.RuleList
	langs    language.List
	all      = flag.Bool("all", false, "tag: also write the white space between segments")
	offsets  textnorm.Offsets
	docUnit  = flag.Bool("documents", false, "dedupe: compare whole documents (files, records) instead of paragraphs")
	commands = []string{"normalize", "tag", "dedupe", "stats"}
)

func init() {
	flag.Var(&invalid, "invalid", "the `policy` for invalid UTF-8: error (the file or record is reported and left out), replace (U+FFFD) or keep")
	flag.Var(&encoding, "encoding", "the `name` of the inputs' character encoding, such as windows-1256 or koi8-r (default utf-8; UTF-16 with a byte-order mark is found without it); output is UTF-8")
	flag.Var(&form, "form", "Unicode normalization `form`: nfc, nfd, nfkc or nfkd (default: the profile's)")
	flag.Var(&with, "with", "comma-separated `rules` to add to the profile")
	flag.Var(&without, "without", "comma-separated `rules` to remove from the profile")
	flag.Var(&langs, "langs", "comma-separated `languages` to consider, such as en,fa,ar (default: all)")
	flag.Var(&offsets, "offsets", "tag: the offset `units` to write: byte (always), rune, utf16")
	flag.Usage = usage
}

func usage() {
	out := flag.CommandLine.Output()
	fmt.Fprintf(out, "usage: textnorm-beam %s --input GLOB --output PREFIX [flags] [Beam's flags: --runner, --project, --region, --endpoint, --environment_type, ...]\n", strings.Join(commands, "|"))
	fmt.Fprintln(out, "  -id key\n    \twith --jsonl: the key of the record's id, written in each segment (tag) and kept paragraph (dedupe)")
	flag.VisitAll(func(f *flag.Flag) {
		if slices.Contains(ownFlags, f.Name) {
			name, use := flag.UnquoteUsage(f)
			fmt.Fprintf(out, "  -%s %s\n    \t%s\n", f.Name, name, use)
		}
	})
	fmt.Fprintln(out, "Beam's flags pass through to Beam; without --runner, Prism runs the job in this process.")
}

// ownFlags are textnorm-beam's flags, listed by -h; Beam's are many.
var ownFlags = []string{"input", "output", "shards", "jsonl", "field", "invalid", "encoding", "binary", "profile", "form", "with", "without", "langs", "all", "offsets", "documents"}

func main() {
	cmd := ""
	if len(os.Args) > 1 && slices.Contains(commands, os.Args[1]) {
		cmd = os.Args[1]
		os.Args = slices.Delete(os.Args, 1, 2)
	}
	flag.Parse()
	beam.Init() // a worker runs its work here, and exits
	if err := run(cmd, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "textnorm-beam:", err)
		var u usageError
		if errors.As(err, &u) {
			os.Exit(2)
		}
		os.Exit(exitStatus(err))
	}
}

// exitStatus is the exit status of a run's error: 2 for inputs reported, 1 for a
// pipeline that failed.
func exitStatus(err error) int {
	if errors.Is(err, errBadInputs) {
		return 2
	}
	return 1
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

var errBadInputs = errors.New("inputs were reported (see the log)")

// config is what the flags say, checked.
type config struct {
	cmd       string
	read      textnormbeam.ReadOptions
	normalize textnormbeam.NormalizeOptions
	tag       textnormbeam.TagOptions
	input     string
	output    string
	shards    int
	documents bool
}

func parseConfig(cmd string) (config, error) {
	set := map[string]bool{}
	flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case cmd == "":
		return config{}, usageError{"a command first: " + strings.Join(commands, ", ")}
	case flag.NArg() > 0:
		return config{}, usageError{fmt.Sprintf("unexpected argument %q: inputs are --input GLOB", flag.Arg(0))}
	case *input == "" || *output == "":
		return config{}, usageError{"--input GLOB and --output PREFIX are needed"}
	case *jsonlIn && *field == "":
		return config{}, usageError{"--jsonl needs --field NAME: the string field to read"}
	case !*jsonlIn && *field != "":
		return config{}, usageError{"--field goes with --jsonl"}
	}
	c := config{cmd: cmd, input: *input, output: *output, shards: *shards, documents: *docUnit}
	c.read = textnormbeam.ReadOptions{Field: *field, ID: idKey(), Invalid: invalid.String(), Binary: *binary}
	if !encoding.IsUTF8() {
		c.read.Encoding = encoding.String()
	}
	c.normalize = textnormbeam.NormalizeOptions{Profile: *profile, With: names(with), Without: names(without)}
	if set["form"] {
		c.normalize.Form = form.String()
	}
	var units []string
	if offsets != 0 {
		units = strings.Split(offsets.String(), ",")
	}
	c.tag = textnormbeam.TagOptions{Profile: *profile, With: names(with), Langs: langs, All: *all, Offsets: units}
	return c, nil
}

// idKey is the value of --id, the key of a record's id. The flag is
// Beam's: its worker harness defines --id, the worker's name, which only
// a worker process reads, and a worker never gets here (beam.Init runs
// it). In the process that launches the job, --id is free, and ours.
func idKey() string {
	if f := flag.Lookup("id"); f != nil {
		return f.Value.String()
	}
	return ""
}

func names(l normalize.RuleList) []string {
	var n []string
	for _, r := range l {
		n = append(n, r.String())
	}
	return n
}

// build makes the pipeline of c.
func build(c config) (*beam.Pipeline, error) {
	p, s := beam.NewPipelineWithRoot()
	docs, err := textnormbeam.Read(s, c.input, c.read)
	if err != nil {
		return nil, err
	}
	var lines beam.PCollection
	shards := c.shards
	switch c.cmd {
	case "normalize":
		var out beam.PCollection
		if out, err = textnormbeam.Normalize(s, docs, c.normalize); err == nil {
			lines = textnormbeam.Lines(s, out)
		}
	case "tag":
		lines, err = textnormbeam.Tag(s, docs, c.tag)
	case "dedupe":
		var kept beam.PCollection
		if kept, err = textnormbeam.Dedupe(s, docs, textnormbeam.DedupeOptions{Documents: c.documents, Normalize: c.normalize}); err == nil {
			lines = textnormbeam.PieceLines(s, kept)
		}
	case "stats":
		lines, err = textnormbeam.LanguageStats(s, docs, textnormbeam.StatsOptions{Langs: c.tag.Langs})
		shards = 1
	}
	if err != nil {
		return nil, err
	}
	textnormbeam.WriteSharded(s, c.output, shards, lines)
	return p, nil
}

func run(cmd string, stderr io.Writer) error {
	c, err := parseConfig(cmd)
	if err != nil {
		return err
	}
	p, err := build(c)
	if err != nil {
		return err
	}
	start := time.Now()
	res, err := beamx.RunWithMetrics(context.Background(), p)
	if err != nil {
		return err
	}
	return summary(stderr, c.cmd, res, time.Since(start))
}

// summary writes the job's counters and rates, and says whether inputs
// were reported.
func summary(w io.Writer, cmd string, res beam.PipelineResult, took time.Duration) error {
	if res == nil {
		return nil
	}
	counts := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() == "textnorm" {
			counts[c.Name()] += c.Result()
		}
	}
	sec := took.Seconds()
	fmt.Fprintf(w, "textnorm-beam: %s: %d documents, %d bytes in %.1fs (%.0f documents/s, %.1f MB/s)",
		cmd, counts["docs"], counts["bytes"], sec, float64(counts["docs"])/sec, float64(counts["bytes"])/sec/1e6)
	if n, ok := counts["segments"]; ok {
		fmt.Fprintf(w, ", %d segments", n)
	}
	if n, ok := counts["dropped"]; ok {
		fmt.Fprintf(w, ", %d repeated %s dropped", n, map[bool]string{true: "documents", false: "paragraphs"}[*docUnit])
	}
	fmt.Fprintln(w)
	if counts["bad_inputs"] > 0 {
		fmt.Fprintf(w, "textnorm-beam: %d bad inputs (files or records) reported\n", counts["bad_inputs"])
		return errBadInputs
	}
	return nil
}
