package detect_test

import (
	"errors"
	"fmt"
	"strings"
	"testing/iotest"

	"github.com/textnorm/textnorm/detect"
	"github.com/textnorm/textnorm/diag"
)

func ExampleSegments() {
	doc := "The minister said «با هم می‌سازیم» at the meeting.\nКабул 2024"
	segs, err := detect.Segments(doc, detect.Options{})
	if err != nil {
		panic(err)
	}
	for _, s := range segs {
		fmt.Printf("%d-%d %s %s %q\n", s.Start, s.End, s.Tag(), s.Dir, s.Text)
	}
	// Output:
	// 0-17 en-Latn ltr "The minister said"
	// 18-49 fa-Arab rtl "«با هم می\u200cسازیم»"
	// 50-65 en-Latn ltr "at the meeting."
	// 66-81 ru-Cyrl ltr "Кабул 2024"
}

func ExampleDetector_SegmentsSeq() {
	d, err := detect.NewDetector(detect.Options{Langs: []string{"en", "fa", "ar"}, All: true})
	if err != nil {
		panic(err)
	}
	for s := range d.SegmentsSeq("Hello, world.\n\nسلام دنیا") {
		fmt.Printf("%s %q (code points %d-%d)\n", s.Tag(), s.Text, s.RuneStart, s.RuneEnd)
	}
	// Output:
	// en-Latn "Hello, world." (code points 0-13)
	// und-Zyyy "\n\n" (code points 13-15)
	// fa-Arab "سلام دنیا" (code points 15-24)
}

func ExampleNewDetector() {
	// A misspelt language is an error, not a lifted restriction.
	_, err := detect.NewDetector(detect.Options{Langs: []string{"en", "xx"}})
	var u *diag.UnknownError
	if errors.As(err, &u) {
		fmt.Printf("unknown %s %q\n", u.Kind, u.Name)
	}
	// Output:
	// unknown language "xx"
}

func ExampleDetector_SegmentsReader() {
	// A reader of any length: a block (about a megabyte) is read at a
	// time, and its segments come before the next is read.
	d, err := detect.NewDetector(detect.Options{Workers: 2})
	if err != nil {
		panic(err)
	}
	r := strings.NewReader("Kabul talks resume today.\nگفتگوها امروز از سر گرفته شد.\n")
	for s, err := range d.SegmentsReader(r) {
		if err != nil {
			panic(err)
		}
		fmt.Printf("%d-%d %s\n", s.Start, s.End, s.Tag())
	}
	// Output:
	// 0-25 en-Latn
	// 26-78 fa-Arab
}

func ExampleReadBlocks() {
	// The blocks are found in the text, whatever the reads.
	text := strings.Repeat("a line of text\n", detect.BlockSize/10)
	for b, err := range detect.ReadBlocks(iotest.HalfReader(strings.NewReader(text))) {
		if err != nil {
			panic(err)
		}
		fmt.Println(b.Start, len(b.Text), b.Last)
	}
	// Output:
	// 0 1048590 false
	// 1048590 524265 true
}

func ExampleDetector_LanguageOf() {
	d, _ := detect.NewDetector(detect.Options{})
	for _, text := range []string{"Guten Morgen", "Dzień dobry", "شكرا جزيلا", "The talks resumed in Kabul today after a long pause.", "123"} {
		lang, _, reliable := d.LanguageOf(text)
		fmt.Println(lang, reliable)
	}
	// Output:
	// de false
	// pl true
	// ar true
	// en true
	// und false
}

func ExampleDetector_Confidences() {
	d, _ := detect.NewDetector(detect.Options{Langs: []string{"fa", "ar", "ur", "ps"}})
	for _, s := range d.Confidences("سلام دوستان عزیز، امروز هوا خیلی خوب است") {
		fmt.Printf("%s %.2f\n", s.Lang, s.P)
	}
	// Output:
	// fa 0.99
	// ar 0.01
	// ps 0.01
	// ur 0.00
}
