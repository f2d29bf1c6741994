package detect

import "github.com/textnorm/textnorm/diag"

// A Doc is what a document is, for segmentation: the context that decides
// a short span (the runs of its script nearby, the languages of the text
// around it) never crosses a document's edge. A *Doc is a flag.Value of
// the names "file", "paragraph" and "line" (the command's --doc).
type Doc int

const (
	// DocFile makes the whole text one document (context still ends at
	// the edge of a block and of a piece of one, see Block).
	DocFile Doc = iota
	// DocParagraph makes each block of lines between blank lines (lines
	// of nothing but spaces and tabs) a document.
	DocParagraph
	// DocLine makes each line a document: unrelated short lines, such as
	// product titles or captions, each decided on its own letters.
	DocLine
)

var docNames = []string{"file", "paragraph", "line"}

// ParseDoc reads a Doc's name; an unknown one is a *diag.UnknownError of
// Kind "document".
func ParseDoc(name string) (Doc, error) {
	i, err := diag.Choose("document", name, docNames)
	return Doc(i), err
}

// String returns the Doc's name.
func (d Doc) String() string {
	if d >= 0 && int(d) < len(docNames) {
		return docNames[d]
	}
	return "Doc(?)"
}

// Set sets d from a name, for the flag package.
func (d *Doc) Set(name string) error {
	v, err := ParseDoc(name)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// docEnds reports whether a document of kind d ends at text[:end], the
// end of a script run: after a line break for DocLine; after a blank line
// for DocParagraph.
func (d Doc) docEnds(text string, end int) bool {
	switch d {
	case DocLine:
		return endsWithBreak(text[:end])
	case DocParagraph:
		return endsBlankLine(text[:end])
	}
	return false
}

// endsBlankLine reports whether text ends with a line break after a line
// of nothing but spaces and tabs that follows a line break.
func endsBlankLine(text string) bool {
	if !endsWithBreak(text) {
		return false
	}
	i := len(text) - 1
	if text[i] == '\n' && i > 0 && text[i-1] == '\r' {
		i--
	}
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	return i > 0 && (text[i-1] == '\n' || text[i-1] == '\r')
}
