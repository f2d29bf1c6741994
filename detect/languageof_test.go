package detect

import (
	"math"
	"testing"
)

func TestLanguageOf(t *testing.T) {
	d, err := NewDetector(Options{MinConf: 0.99, Doc: DocLine})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, want string
		reliable   bool
	}{
		{"", Und, false},
		{"123 — !!", Und, false},
		{"Переговоры возобновились сегодня после долгого перерыва.", "ru", true},
		{"Διαπραγματεύσεις", "el", true},
		// Most letters decide, whatever the order.
		{"Hi. گفتگوها امروز پس از یک وقفه طولانی از سر گرفته شد.", "fa", true},
		{"خبر: The talks resumed in Kabul today after a long pause.", "en", true},
	}
	for _, tc := range tests {
		lang, conf, reliable := d.LanguageOf(tc.text)
		if lang != tc.want || reliable != tc.reliable || conf < 0 || conf > 1 || reliable != (conf >= ReliableConf) {
			t.Errorf("LanguageOf(%q) = %s %.3f %v, want %s reliable %v", tc.text, lang, conf, reliable, tc.want, tc.reliable)
		}
	}
}

func TestConfidences(t *testing.T) {
	all, err := NewDetector(Options{})
	if err != nil {
		t.Fatal(err)
	}
	some, err := NewDetector(Options{Langs: []string{"de", "nl"}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		d     *Detector
		text  string
		first string
		n     int // candidates listed; 0: any number over 1
	}{
		{all, "", "", -1},
		{all, "1234", "", -1},
		{all, "Κάλη μέρα", "el", 1},
		{all, "Die Verhandlungen wurden heute nach einer langen Pause wieder aufgenommen.", "de", 0},
		{some, "Die Verhandlungen wurden heute wieder aufgenommen.", "de", 2},
		{all, "Ἀθῆναι and Athens, the city", "en", 0},
	}
	for _, tc := range tests {
		got := tc.d.Confidences(tc.text)
		if tc.n < 0 {
			if len(got) != 0 {
				t.Errorf("Confidences(%q) = %v, want none", tc.text, got)
			}
			continue
		}
		if len(got) == 0 || got[0].Lang != tc.first || tc.n > 0 && len(got) != tc.n || tc.n == 0 && len(got) < 2 {
			t.Errorf("Confidences(%q) = %v, want %s first, %d of them", tc.text, got, tc.first, tc.n)
			continue
		}
		sum := 0.0
		for i, s := range got {
			sum += s.P
			if i > 0 && s.P > got[i-1].P {
				t.Errorf("Confidences(%q) not sorted: %v", tc.text, got)
			}
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Errorf("Confidences(%q) sums to %v", tc.text, sum)
		}
	}
}
