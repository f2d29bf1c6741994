package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEncodings reads files in legacy encodings, made by Python's codecs
// (testdata/encodings/gen.py): Windows-1256 Persian, Arabic and Urdu with
// --encoding, UTF-16 with a byte-order mark without a flag. The text that
// comes out is the UTF-8 one (normalized with none); -w writes it back as
// UTF-8; tag's byte offsets index the file as given, its code point
// offsets the text.
func TestEncodings(t *testing.T) {
	dir := "../../testdata/encodings"
	for _, tc := range []struct{ file, encoding, want string }{
		{"fa.windows-1256.txt", "windows-1256", "fa.utf-8.txt"},
		{"ar.windows-1256.txt", "cp1256", "ar.utf-8.txt"},
		{"ur.windows-1256.txt", "windows-1256", "ur.utf-8.txt"},
		{"fa.utf-16le.txt", "", "fa.utf-8.txt"},
		{"fa.utf-16be.txt", "", "fa.utf-8.txt"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(dir, tc.want))
			if err != nil {
				t.Fatal(err)
			}
			in := filepath.Join(dir, tc.file)
			args := []string{"normalize", "--profile", "none"}
			if tc.encoding != "" {
				args = append(args, "--encoding", tc.encoding)
			}
			out, errOut, code := runCLI(t, "", append(args, in)...)
			if code != 0 || out != string(want) {
				t.Fatalf("exit %d, %s\n%q\nwant %q", code, errOut, out, want)
			}

			// -w rewrites the file in UTF-8.
			tmp := filepath.Join(t.TempDir(), tc.file)
			raw, _ := os.ReadFile(in)
			os.WriteFile(tmp, raw, 0o644)
			if _, errOut, code := runCLI(t, "", append(append([]string{}, args...), "-w", tmp)...); code != 0 {
				t.Fatalf("-w: exit %d, %s", code, errOut)
			}
			if got, _ := os.ReadFile(tmp); string(got) != string(want) {
				t.Errorf("-w wrote %q, want %q", got, want)
			}

			// tag: byte offsets into the file, code points into the text.
			targs := []string{"tag", "--offsets", "byte,rune"}
			if tc.encoding != "" {
				targs = append(targs, "--encoding", tc.encoding)
			}
			out, errOut, code = runCLI(t, "", append(targs, in)...)
			if code != 0 {
				t.Fatalf("tag: exit %d, %s", code, errOut)
			}
			text := []rune(string(want))
			wide := strings.Contains(tc.file, "utf-16")
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				var seg struct {
					Start, End         int
					Text               string
					RuneStart, RuneEnd int
				}
				var raw map[string]any
				if err := json.Unmarshal([]byte(line), &raw); err != nil {
					t.Fatal(err)
				}
				seg.Start, seg.End, seg.Text = int(raw["start"].(float64)), int(raw["end"].(float64)), raw["text"].(string)
				seg.RuneStart, seg.RuneEnd = int(raw["rune_start"].(float64)), int(raw["rune_end"].(float64))
				s := seg
				if got := string(text[s.RuneStart:s.RuneEnd]); got != s.Text {
					t.Fatalf("rune offsets %d..%d: %q, text %q", s.RuneStart, s.RuneEnd, got, s.Text)
				}
				// Every character here is one byte of Windows-1256, or
				// two of UTF-16 after its two-byte mark.
				wantStart, wantEnd := s.RuneStart, s.RuneEnd
				if wide {
					wantStart, wantEnd = 2+2*s.RuneStart, 2+2*s.RuneEnd
				}
				if s.Start != wantStart || s.End != wantEnd {
					t.Fatalf("%q: byte offsets %d..%d, want %d..%d", s.Text, s.Start, s.End, wantStart, wantEnd)
				}
			}
		})
	}
	if _, errOut, code := runCLI(t, "", "normalize", "--encoding", "nope", "-"); code != 2 || !strings.Contains(errOut, `unknown encoding "nope"`) {
		t.Errorf("--encoding nope: exit %d, %q", code, errOut)
	}
}
