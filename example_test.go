package textnorm_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/normalize"
)

func ExampleTag() {
	doc := "وزير گفت: «الحمد لله الذي هدانا لهذا» و سپس مذاكرات را آغاز كرد."
	segs, err := textnorm.Tag(doc, textnorm.TagOptions{})
	if err != nil {
		panic(err)
	}
	for _, s := range segs {
		fmt.Printf("%s %s\n", s.Tag(), s.Norm)
	}
	// Output:
	// fa-Arab وزیر گفت:
	// ar-Arab «الحمد لله الذي هدانا لهذا»
	// fa-Arab و سپس مذاکرات را آغاز کرد.
}

func ExampleTagOptions_profile() {
	// One profile for every segment instead of each language's own.
	opts := textnorm.TagOptions{Profile: &normalize.Search}
	segs, _ := textnorm.Tag("Café  NOIR", opts)
	fmt.Println(segs[0].Norm)
	// Output:
	// cafe noir
}

func ExampleTagOptions_profileOf() {
	// Each language's own profile, but Persian digits in ASCII.
	opts := textnorm.TagOptions{ProfileOf: func(lang string) normalize.Profile {
		p := textnorm.ProfileFor(lang)
		if lang == "fa" {
			p = p.With(normalize.DigitsASCII)
		}
		return p
	}}
	segs, _ := textnorm.Tag("قیمت ۲۵۰۰ تومان است", opts)
	fmt.Println(segs[0].Norm)
	// Output:
	// قیمت 2500 تومان است
}

func ExampleAppendJSON() {
	segs, _ := textnorm.Tag("Kabul talks resume today.", textnorm.TagOptions{})
	line := textnorm.AppendJSON(nil, segs[0], textnorm.JSONLine{File: "news.txt", Line: 1})
	os.Stdout.Write(append(line, '\n'))
	// Output:
	// {"v":1,"file":"news.txt","line":1,"start":0,"end":25,"text":"Kabul talks resume today.","script":"Latn","lang":"en","tag":"en-Latn","dir":"ltr","conf":0.9464,"norm":"Kabul talks resume today."}
}

func ExampleTagger_TagReader() {
	t, err := textnorm.NewTagger(textnorm.TagOptions{})
	if err != nil {
		panic(err)
	}
	r := strings.NewReader("Kabul talks resume today.\nوزير گفت كه مذاكرات مفيد بود.\n")
	for s, err := range t.TagReader(r) {
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s %s\n", s.Tag(), s.Norm)
	}
	// Output:
	// en-Latn Kabul talks resume today.
	// fa-Arab وزیر گفت که مذاکرات مفید بود.
}
