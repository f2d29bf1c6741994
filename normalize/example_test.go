package normalize_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/normalize"
	"golang.org/x/text/unicode/norm"
)

// Persian typed on an Arabic keyboard, with Arabic-Indic digits and a
// doubled space.
func ExampleString() {
	fmt.Println(normalize.String("كتاب علي  ١٢٣", normalize.Persian))
	// Output: کتاب علی ۱۲۳
}

func ExampleProfile_String() {
	s := "\ufeffThe\u00a0price:  ٤٥ ريال\r\n"
	fmt.Printf("%q\n", normalize.Default.Apply(s))
	fmt.Printf("%q\n", normalize.Arabic.Apply(s))
	fmt.Printf("%q\n", normalize.Search.Apply("Café «کتاب‌ها» ك"))
	// Output:
	// "The price: ٤٥ ريال\n"
	// "The price: ٤٥ ريال\n"
	// "cafe \"کتابها\" ک"
}

// A command that must report invalid UTF-8 learns it from the
// normalization, which checks the bytes as it looks them up.
func ExampleProfile_ApplyValid() {
	for _, s := range []string{"کتاب‌ها  و دفترها\n", "bad \xff byte\n"} {
		out, valid := normalize.Default.ApplyValid(s)
		if !valid {
			fmt.Printf("%q: invalid UTF-8\n", s)
			continue
		}
		fmt.Printf("%q\n", out)
	}
	// Output:
	// "کتاب\u200cها و دفترها\n"
	// "bad \xff byte\n": invalid UTF-8
}

func ExampleProfile_With() {
	p := normalize.Persian.With(normalize.DigitsASCII, normalize.KafYehToArabic)
	fmt.Println(p.Apply("کتاب ۱۲۳"))
	fmt.Println(p.Rules().Has(normalize.DigitsPersian))
	// Output:
	// كتاب 123
	// false
}

func ExampleProfile_WithForm() {
	fmt.Println(normalize.None.WithForm(norm.NFKC).Apply("ﬁx ①"))
	// Output: fix 1
}

func ExampleProfile_NewReader() {
	r := normalize.Persian.NewReader(strings.NewReader("سلام   دنيا \r\n"))
	io.Copy(os.Stdout, r)
	// Output: سلام دنیا
}

func ExampleProfile_NewWriter() {
	w := normalize.Default.NewWriter(os.Stdout)
	io.WriteString(w, "one  two")
	io.WriteString(w, "   \r")
	io.WriteString(w, "\nthree\n")
	w.Close()
	// Output:
	// one two
	// three
}

// An annotation on the normalized text maps back to the original.
func ExampleProfile_Align() {
	in := "\ufeffHello\u00a0\u00a0world"
	out, align := normalize.Default.Align(in)
	start, end := align.Source(6, 11) // "world" in out
	fmt.Printf("%q %q\n", out[6:11], in[start:end])
	// Output: "world" "world"
}

func ExampleLookup() {
	p, err := normalize.Lookup("urdu")
	fmt.Println(p.Name(), err)
	_, err = normalize.Lookup("klingon")
	fmt.Println(err)
	var unknown *diag.UnknownError
	if errors.As(err, &unknown) {
		fmt.Println(unknown.Known[2:])
	}
	// Output:
	// ur <nil>
	// unknown profile "klingon" (known: none, default, fa, ar, ur, ps, search)
	// [fa ar ur ps search]
}

func ExampleParseRule() {
	r, _ := normalize.ParseRule("digits-ascii")
	fmt.Println(r == normalize.DigitsASCII, r)
	// Output: true digits-ascii
}
