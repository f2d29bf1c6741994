package normalize

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestDigitSystems covers the digit rules side by side: each maps to one
// system, and the -all ones take ASCII digits along.
func TestDigitSystems(t *testing.T) {
	const in = "قیمت 1250 تومان، ۱۲۵۰ یا ١٢٥٠; 3.5"
	for _, tc := range []struct {
		rule Rule
		want string
	}{
		{DigitsPersian, "قیمت 1250 تومان، ۱۲۵۰ یا ۱۲۵۰; 3.5"},
		{DigitsArabic, "قیمت 1250 تومان، ١٢٥٠ یا ١٢٥٠; 3.5"},
		{DigitsASCII, "قیمت 1250 تومان، 1250 یا 1250; 3.5"},
		{DigitsPersianAll, "قیمت ۱۲۵۰ تومان، ۱۲۵۰ یا ۱۲۵۰; ۳.۵"},
		{DigitsArabicAll, "قیمت ١٢٥٠ تومان، ١٢٥٠ یا ١٢٥٠; ٣.٥"},
	} {
		p := NewProfile("t", norm.NFC, RuleSet(tc.rule))
		if got := p.Apply(in); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.rule, got, tc.want)
		}
		if got := p.Apply(p.Apply(in)); got != tc.want {
			t.Errorf("%s: not idempotent: %q", tc.rule, got)
		}
	}
	// The digit rules exclude each other.
	rs := RuleSet(DigitsPersianAll).With(DigitsASCII)
	if rs.Has(DigitsPersianAll) || !rs.Has(DigitsASCII) {
		t.Errorf("With: %s", rs)
	}
	// The Persian profile with all digits Persian, as the CLI spells it.
	r, err := ParseRule("digits-persian-all")
	if err != nil || Persian.With(r).Apply("سال 2024 و ٢٠٢٥") != "سال ۲۰۲۴ و ۲۰۲۵" {
		t.Errorf("fa with digits-persian-all: %q, %v", Persian.With(r).Apply("سال 2024 و ٢٠٢٥"), err)
	}
}
