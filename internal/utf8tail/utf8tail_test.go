package utf8tail

import "testing"

func TestWhole(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0}, {"ab", 2}, {"a\xe2\x82", 1}, {"a\xe2", 1}, {"a\xe2\x82\xac", 4}, {"\xf0\x9f\x98", 0},
		{"a\xff", 2}, {"a\x80\x80\x80", 4}, {"سل", 4}, {"س\xd9", 2},
		{"a\xf0\x9f\x98\x80", 5}, {"\x80\x80\x80\xf0", 3},
	} {
		if got := Whole([]byte(tc.in)); got != tc.want {
			t.Errorf("Whole(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}
