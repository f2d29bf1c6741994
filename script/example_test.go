package script_test

import (
	"fmt"

	"github.com/textnorm/textnorm/script"
)

func ExampleOf() {
	for _, r := range "aبЖ中7،\u064B" {
		fmt.Printf("%U %v\n", r, script.Of(r))
	}
	// Output:
	// U+0061 Latn
	// U+0628 Arab
	// U+0416 Cyrl
	// U+4E2D Hani
	// U+0037 Zyyy
	// U+060C Zyyy
	// U+064B Zinh
}

func ExampleExtensionsOf() {
	fmt.Println(script.ExtensionsOf('،')) // U+060C ARABIC COMMA
	fmt.Println(script.ExtensionsOf('、')) // U+3001 IDEOGRAPHIC COMMA
	fmt.Println(script.ExtensionsOf('٣')) // U+0663 ARABIC-INDIC DIGIT THREE
	fmt.Println(script.ExtensionsOf('a'))
	// Output:
	// [Arab Nkoo Rohg Syrc Thaa Yezi]
	// [Bopo Hang Hani Hira Kana Yiii]
	// [Arab Thaa Yezi]
	// [Latn]
}

func ExampleScript_String() {
	for _, s := range []script.Script{script.Arabic, script.Common, script.Inherited, script.Unknown, script.Japanese} {
		fmt.Printf("%s %s\n", s, s.Name())
	}
	// Output:
	// Arab Arabic
	// Zyyy Common
	// Zinh Inherited
	// Zzzz Unknown
	// Jpan Japanese (alias for Han + Hiragana + Katakana)
}

func ExampleParse() {
	for _, code := range []string{"Cyrl", "hang", "Old_Italic", "Xyzw"} {
		s, ok := script.Parse(code)
		fmt.Println(s, s.Name(), ok)
	}
	// Output:
	// Cyrl Cyrillic true
	// Hang Hangul true
	// Ital Old_Italic true
	// Zzzz Unknown false
}

func ExampleRuns() {
	text := "The museum «موزه ملی ایران» opened in 1937.\n" +
		"۲۰ تیر، سالروز افتتاح (opening day)\n" +
		"東京タワーは高い、서울타워도."
	for r := range script.Runs(text) {
		fmt.Printf("%d-%d %v %v %q\n", r.Start, r.End, r.Script, r.Dir, text[r.Start:r.End])
	}
	// Output:
	// 0-11 Latn ltr "The museum "
	// 11-42 Arab rtl "«موزه ملی ایران» "
	// 42-58 Latn ltr "opened in 1937.\n"
	// 58-98 Arab rtl "۲۰ تیر، سالروز افتتاح "
	// 98-112 Latn ltr "(opening day)\n"
	// 112-139 Jpan ltr "東京タワーは高い、"
	// 139-155 Hang ltr "서울타워도."
}

func ExampleAppendRuns() {
	text := "Компания IBM"
	runs := script.AppendRuns(nil, text)
	for _, r := range runs {
		fmt.Printf("%v %q\n", r.Script, text[r.Start:r.End])
	}
	// Output:
	// Cyrl "Компания "
	// Latn "IBM"
}
