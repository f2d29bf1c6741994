package normalize

import (
	"bytes"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/textnorm/textnorm/diag"
)

// An Encoding is the character encoding a text arrives in, by any name
// x/text's htmlindex knows (windows-1256, iso-8859-6, windows-1252, koi8-r,
// shift_jis, utf-16le, ...); the zero value is UTF-8, which needs no
// decoding. It implements flag.Value, for the command's --encoding.
type Encoding struct {
	name string
	enc  encoding.Encoding // nil for UTF-8
}

// ParseEncoding returns the encoding of name, or a *diag.UnknownError.
func ParseEncoding(name string) (Encoding, error) {
	var e Encoding
	err := e.Set(name)
	return e, err
}

// Set sets e to the encoding of name (in any case).
func (e *Encoding) Set(name string) error {
	enc, err := htmlindex.Get(strings.TrimSpace(name))
	if err != nil {
		return &diag.UnknownError{Kind: "encoding", Name: name, Known: []string{"utf-8", "utf-16le", "utf-16be", "windows-1256", "iso-8859-6", "windows-1252", "iso-8859-1", "windows-1251", "koi8-r", "... (the WHATWG Encoding Standard's labels)"}}
	}
	canon, _ := htmlindex.Name(enc)
	if canon == "utf-8" {
		*e = Encoding{}
		return nil
	}
	*e = Encoding{name: canon, enc: enc}
	return nil
}

// String returns the encoding's canonical name (utf-8 for the zero value).
func (e Encoding) String() string {
	if e.enc == nil {
		return "utf-8"
	}
	return e.name
}

// IsUTF8 reports whether e is UTF-8, which is read as it is.
func (e Encoding) IsUTF8() bool { return e.enc == nil }

// Decoder returns a transformer from e to UTF-8; nil for UTF-8.
func (e Encoding) Decoder() transform.Transformer {
	if e.enc == nil {
		return nil
	}
	return e.enc.NewDecoder()
}

// Encoder returns a transformer from UTF-8 to e; nil for UTF-8. Characters
// e lacks are an error.
func (e Encoding) Encoder() transform.Transformer {
	if e.enc == nil {
		return nil
	}
	return e.enc.NewEncoder()
}

// SniffBOM returns the encoding a text is in if it starts with a UTF-16
// byte-order mark (FF FE: UTF-16LE; FE FF: UTF-16BE), and the length of
// the mark. A UTF-8 byte-order mark is UTF-8, left to the text.
func SniffBOM(head []byte) (Encoding, int, bool) {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return Encoding{name: "utf-16le", enc: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)}, 2, true
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return Encoding{name: "utf-16be", enc: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)}, 2, true
	}
	return Encoding{}, 0, false
}
