package repair

import (
	"html"
	"strings"

	"github.com/textnorm/textnorm/protect"
)

// entitiesPass decodes the character references of each line that is not
// markup, outside URLs.
func entitiesPass(s string, pass int, explain bool) (string, []Step) {
	if !strings.Contains(s, "&") {
		return s, nil
	}
	var steps []Step
	out := eachLine(s, func(line string, off int) (string, bool) {
		if !strings.Contains(line, "&") || isMarkup(line) {
			return line, false
		}
		var b strings.Builder
		at := 0
		spans := protect.Find(line)
		for i := 0; i < len(line); {
			if u := protectedEnd(spans, i); u > i {
				i = u
				continue
			}
			if line[i] != '&' {
				i++
				continue
			}
			end, dec := reference(line[i:])
			if end == 0 {
				i++
				continue
			}
			b.WriteString(line[at:i])
			b.WriteString(dec)
			if explain {
				steps = append(steps, Step{Pass: pass, Start: off + i, End: off + i + end, Before: line[i : i+end], After: dec, What: "html-entities"})
			}
			i += end
			at = i
		}
		if at == 0 {
			return line, false
		}
		b.WriteString(line[at:])
		return b.String(), true
	})
	return out, steps
}

// reference returns the length of the character reference s starts with
// (0 for none) and what it stands for. Only references closed with a
// semicolon count (&eacute; &#233; &#xE9;), so that "AT&T" and the "&copy"
// of a query string stay; a named one must be one HTML knows.
func reference(s string) (int, string) {
	const maxRef = 32 // the longest name HTML has is 31 characters
	end := strings.IndexByte(s[:min(len(s), maxRef+2)], ';')
	if end < 2 {
		return 0, ""
	}
	body := s[1:end]
	if body[0] == '#' {
		digits, hex := body[1:], false
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits, hex = digits[1:], true
		}
		if len(digits) == 0 || len(digits) > 7 {
			return 0, ""
		}
		for _, c := range digits {
			if !('0' <= c && c <= '9' || hex && ('a' <= c|0x20 && c|0x20 <= 'f')) {
				return 0, ""
			}
		}
	} else {
		for _, c := range body {
			if !('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9') {
				return 0, ""
			}
		}
	}
	ref := s[:end+1]
	dec := html.UnescapeString(ref)
	if dec == ref {
		return 0, "" // not a reference HTML knows
	}
	return end + 1, dec
}

// isMarkup reports whether line holds a tag, a comment or a declaration:
// then its references are the markup's, left for an HTML parser.
func isMarkup(line string) bool {
	for i := strings.IndexByte(line, '<'); i >= 0 && i+1 < len(line); {
		c := line[i+1]
		if 'a' <= c|0x20 && c|0x20 <= 'z' || c == '/' || c == '!' || c == '?' {
			if strings.IndexByte(line[i:], '>') > 0 {
				return true
			}
		}
		j := strings.IndexByte(line[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// protectedEnd returns the end of the protected span (a URL, an address,
// a path, code; package protect) that covers line[i], or i.
func protectedEnd(spans []protect.Span, i int) int {
	for _, sp := range spans {
		if sp.Kind != protect.Number && sp.Kind != protect.Mention && sp.Kind != protect.Tag && sp.Start <= i && i < sp.End {
			return sp.End
		}
	}
	return i
}
