package repair_test

import (
	"fmt"

	"github.com/textnorm/textnorm/repair"
)

func ExampleFix() {
	fmt.Println(repair.Fix("ط³ظ„ط§ظ… cafÃ© &eacute;t&eacute;", repair.Mojibake|repair.Entities))
	// Output: سلام café été
}

func ExamplePasses() {
	_, steps := repair.Passes("ط³ظ„ط§ظ… &amp; cafÃ©", repair.Mojibake|repair.Entities)
	for _, pass := range steps {
		for _, s := range pass {
			fmt.Printf("%d %q -> %q (%s)\n", s.Pass, s.Before, s.After, s.What)
		}
	}
	// Output:
	// 0 "ط³" -> "س" (mojibake: UTF-8 read as windows-1256)
	// 0 "ظ„" -> "ل" (mojibake: UTF-8 read as windows-1256)
	// 0 "ط§" -> "ا" (mojibake: UTF-8 read as windows-1256)
	// 0 "ظ…" -> "م" (mojibake: UTF-8 read as windows-1256)
	// 1 "Ã©" -> "é" (mojibake: UTF-8 read as windows-1252)
	// 2 "&amp;" -> "&" (html-entities)
}
