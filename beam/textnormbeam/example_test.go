package textnormbeam_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/textnorm/textnorm/beam/textnormbeam"
)

// A paragraph in two documents is kept once, the first by file and line,
// with its copies counted; the pipeline runs on Prism.
func ExampleDedupe() {
	dir, _ := os.MkdirTemp("", "dedupe")
	defer os.RemoveAll(dir)
	p, s := beam.NewPipelineWithRoot()
	docs := beam.Create(s,
		textnormbeam.Doc{File: "b.txt", Text: "Read more on our site.\n\nSecond page.\n"},
		textnormbeam.Doc{File: "a.txt", Text: "First page.\n\nRead  more on our site.\n"},
	)
	kept, err := textnormbeam.Dedupe(s, docs, textnormbeam.DedupeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	prefix := filepath.Join(dir, "kept")
	textnormbeam.WriteSharded(s, prefix, 1, textnormbeam.PieceLines(s, kept))
	if err := ptest.Run(p); err != nil {
		fmt.Println(err)
		return
	}
	b, _ := os.ReadFile(textnormbeam.ShardName(prefix, 0, 1))
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	slices.Sort(lines) // a shard's lines come in no order
	fmt.Println(strings.Join(lines, "\n"))
	// Output:
	// {"file":"a.txt","line":1,"text":"First page.","copies":1}
	// {"file":"a.txt","line":3,"text":"Read  more on our site.","copies":2}
	// {"file":"b.txt","line":3,"text":"Second page.","copies":1}
}
