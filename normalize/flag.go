package normalize

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// The names that the package owns are flag values, so that a command takes
// them as flags with no parsing of its own, as mvdan.cc/sh's
// syntax.LangVariant is one:
//
//	p := normalize.Default
//	var form normalize.Form
//	var with normalize.RuleList
//	flag.Var(&p, "profile", "normalization `profile`")
//	flag.Var(&form, "form", "Unicode normalization `form`")
//	flag.Var(&with, "with", "comma-separated `rules` to add")
//
// Each Set returns the *diag.UnknownError of Lookup, ParseForm or
// ParseRule for a name it does not know.

// Set sets p to the built-in profile named name, as Lookup reads it, so
// that a *Profile is a flag.Value (String returns the name).
func (p *Profile) Set(name string) error {
	v, err := Lookup(name)
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Form is a Unicode normalization form of golang.org/x/text/unicode/norm
// that has a name: "nfc", "nfd", "nfkc" or "nfkd". A *Form is a flag.Value;
// its zero value is NFC. Profile.WithForm takes norm.Form(f).
type Form norm.Form

// String returns the form's name, such as "nfkc".
func (f Form) String() string { return FormName(norm.Form(f)) }

// Set sets f to the form named name (see ParseForm).
func (f *Form) Set(name string) error {
	v, err := ParseForm(name)
	if err != nil {
		return err
	}
	*f = Form(v)
	return nil
}

// Get returns the form as a norm.Form, for flag.Getter.
func (f Form) Get() any { return norm.Form(f) }

// RuleList is a list of rules in the order they were named, such as the
// rules a command adds to a profile or removes from it:
// p.With(list...).Without(other...). A *RuleList is a flag.Value that reads
// a comma-separated list of rule names (see ParseRules); given the flag
// again, it adds to the list.
type RuleList []Rule

// ParseRules reads a comma-separated list of rule names, such as
// "digits-ascii,kaf-yeh-to-arabic"; space around a name and empty names are
// ignored, so "" is the empty list. The first unknown name is an error, as
// ParseRule returns it.
func ParseRules(list string) (RuleList, error) {
	var rules RuleList
	for _, name := range strings.Split(list, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		r, err := ParseRule(name)
		if err != nil {
			return nil, err
		}
		rules = append(rules, r)
	}
	return rules, nil
}

// String returns the rules' names, separated by commas.
func (l RuleList) String() string {
	names := make([]string, len(l))
	for i, r := range l {
		names[i] = r.String()
	}
	return strings.Join(names, ",")
}

// Set adds the rules of a comma-separated list of names to l. An unknown
// name is an error, and l is then unchanged.
func (l *RuleList) Set(list string) error {
	rules, err := ParseRules(list)
	if err != nil {
		return err
	}
	*l = append(*l, rules...)
	return nil
}

// Get returns l as a []Rule, for flag.Getter.
func (l RuleList) Get() any { return []Rule(l) }
