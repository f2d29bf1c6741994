package lingua

import (
	"strconv"
	"testing"

	"github.com/textnorm/textnorm/engine"
	"github.com/textnorm/textnorm/engine/enginetest"
)

func TestContract(t *testing.T) {
	enginetest.Check(t, New())
	enginetest.Check(t, Fast())
}

func TestRegistered(t *testing.T) {
	e, err := engine.Open("lingua")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := e.(engine.Standalone); !ok {
		t.Error("lingua's engine is not Standalone: --engine lingua would not be lingua-go alone")
	}
	// lingua-go says German; textnorm's context once made it en 0.33.
	if got := e.Scores("Fahrrad mit Stützrädern", []string{"en", "de", "fr", "nl"}); len(got) == 0 || got[0].Lang != "de" {
		t.Errorf("Fahrrad mit Stützrädern: %v, want de first", got)
	}
}

func TestShortlist(t *testing.T) {
	// Above ShortlistAbove candidates only ShortlistSize get P > 0.
	s := &Engine{MaxLetters: 160, ShortlistAbove: 3, ShortlistSize: 2}
	got := s.Scores("Le musée restera fermé pendant trois semaines.", []string{"en", "fr", "de", "es"})
	if len(got) != 4 || got[0].Lang != "fr" || got[2].P != 0 || got[3].P != 0 {
		t.Errorf("scores %v, want fr first and two zero scores", got)
	}
}

func TestTruncateLetters(t *testing.T) {
	tests := []struct {
		text string
		max  int
		want string
	}{
		{"abc def ghi", 0, "abc def ghi"},
		{"abc def ghi", 4, "abc def"},
		{"abc def ghi", 3, "abc"},
		{"abc", 10, "abc"},
	}
	for _, tc := range tests {
		if got := truncateLetters(tc.text, tc.max); got != tc.want {
			t.Errorf("truncateLetters(%q, %d) = %q, want %q", tc.text, tc.max, got, tc.want)
		}
	}
}

// TestAnswerCache checks that a remembered answer is the computed one
// and that callers cannot change what is remembered.
func TestAnswerCache(t *testing.T) {
	s := New()
	cands := []string{"en", "fr"}
	first := s.Scores("Bonjour tout le monde", cands)
	first[0].P = -1 // a caller scribbling on its copy
	second := s.Scores("Bonjour tout le monde", cands)
	fresh := New().Scores("Bonjour tout le monde", cands)
	if len(second) != len(fresh) || second[0] != fresh[0] || second[1] != fresh[1] {
		t.Fatalf("cached %v, computed %v", second, fresh)
	}
	const size = 100
	var c answerCache
	for i := range 3 * size {
		c.put(strconv.Itoa(i), nil, size)
	}
	if n := len(c.young) + len(c.old); n > 2*size {
		t.Fatalf("cache holds %d answers, want at most %d", n, 2*size)
	}
	if _, ok := c.get(strconv.Itoa(3*size - 1)); !ok {
		t.Fatal("the newest answer is gone")
	}
}
