package detect

import (
	"errors"
	"slices"
	"testing"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/language"
)

func TestLanguagesAreTheRegistry(t *testing.T) {
	if !slices.Equal(Languages(), language.Codes()) {
		t.Errorf("Languages() = %v, registry %v", Languages(), language.Codes())
	}
	_, err := ParseLanguages("fa,xx-YY")
	var u *diag.UnknownError
	if !errors.As(err, &u) || u.Kind != "language" || u.Name != "xx-YY" || !slices.Equal(u.Known, Languages()) {
		t.Errorf("ParseLanguages(fa,xx-YY) error %#v", err)
	}
	if err.Error() != u.Error() {
		t.Errorf("error %q has more than the UnknownError's text", err)
	}
}

func TestCheckLangs(t *testing.T) {
	got, err := checkLangs([]string{"FA-af", " prs", "", "ur_PK", "en", "fa"})
	if err != nil || !slices.Equal(got, []string{"fa", "ur", "en"}) {
		t.Errorf("checkLangs = %v, %v", got, err)
	}
	if got, err := checkLangs(nil); got != nil || err != nil {
		t.Errorf("checkLangs(nil) = %v, %v", got, err)
	}
	_, err = checkLangs([]string{"en", "xx"})
	var u *diag.UnknownError
	if !errors.As(err, &u) || u.Kind != "language" || u.Name != "xx" {
		t.Errorf("checkLangs(en, xx) error %#v", err)
	}
}
