//go:build ignore

// gen_comparatives derives the adjectives the zwnj-affixes rule joins to
// the comparative تر from real Persian text, and writes the text the rule
// is measured on.
//
//	go run gen_comparatives.go [-cache DIR]
//
// Run in normalize/ on a Debian machine (apt-get, dpkg-deb). It reads the
// Persian translations of LibreOffice (libreoffice-l10n-fa: its gettext
// catalogs) and Firefox (firefox-esr-l10n-fa: its language pack's Fluent
// and .properties files), both MPL-2.0, and splits their strings in two
// by a hash of the string: the building part and the measuring part. The
// building part, with the Persian strings of testdata/langeval/tune.tsv,
// gives the adjectives; the measuring part's strings that have a ZWNJ go to
// testdata/zwnj/measure.txt.gz, which TestZWNJAffixesOnRealText scores
// with langeval's measuring part.
//
// An adjective is a word the building part writes before تر or ترین with a
// ZWNJ (بزرگ‌تر), before ترین with a space (ترین is no word of its own),
// or, three letters or more and seen as a word of its own, with ترین
// written on (جدیدترین). The output depends only on its inputs.
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"go/format"
	"hash/fnv"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

var packages = []struct{ name, license string }{
	{"libreoffice-l10n-fa", "MPL-2.0"},
	{"firefox-esr-l10n-fa", "MPL-2.0"},
}

func main() {
	cache := flag.String("cache", "", "directory for the downloaded packages (default: a temporary one)")
	flag.Parse()
	dir := *cache
	if dir == "" {
		d, err := os.MkdirTemp("", "gen_comparatives")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(d)
		dir = d
	}
	var build, measure []string
	var versions []string
	for _, p := range packages {
		deb := download(dir, p.name)
		root := filepath.Join(dir, p.name)
		run("dpkg-deb", "-x", deb, root)
		versions = append(versions, fmt.Sprintf("%s %s (%s)", p.name, debVersion(deb), p.license))
		for _, s := range persianStrings(root) {
			h := fnv.New32a()
			h.Write([]byte(s))
			if h.Sum32()%2 == 0 {
				build = append(build, s)
			} else {
				measure = append(measure, s)
			}
		}
	}
	build = append(build, langevalTune()...)
	adjectives := deriveAdjectives(build)
	words, version := tesseractWords(dir)
	versions = append(versions, version)
	adjectives = append(adjectives, wordListAdjectives(words)...)
	sort.Strings(adjectives)
	adjectives = slices.Compact(adjectives)
	writeTable(adjectives, versions[:len(packages)], versions[len(packages)], len(build))
	writeMeasure(measure, versions)
	log.Printf("%d building strings, %d measuring; %d adjectives", len(build), len(measure), len(adjectives))
}

func download(dir, name string) string {
	cmd := exec.Command("apt-get", "download", name)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("apt-get download %s: %v", name, err)
	}
	m, _ := filepath.Glob(filepath.Join(dir, name+"_*.deb"))
	if len(m) == 0 {
		log.Fatalf("no .deb for %s", name)
	}
	sort.Strings(m)
	return m[len(m)-1]
}

func debVersion(deb string) string {
	out, err := exec.Command("dpkg-deb", "-f", deb, "Version").Output()
	if err != nil {
		log.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

func run(name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s %v: %v", name, args, err)
	}
}

// persianStrings returns the translated strings under root that have an
// Arabic-script letter, white space collapsed and LibreOffice's ~
// mnemonics removed, sorted and without repeats.
func persianStrings(root string) []string {
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.Join(strings.Fields(strings.ReplaceAll(s, "~", "")), " ")
		if strings.ContainsFunc(s, func(r rune) bool { return r >= 0x0620 && r <= 0x06FF }) && utf8.ValidString(s) {
			seen[s] = true
		}
	}
	filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		switch {
		case strings.HasSuffix(path, ".mo"):
			for _, s := range moStrings(path) {
				add(s)
			}
		case strings.HasSuffix(path, ".xpi"):
			z, err := zip.OpenReader(path)
			if err != nil {
				log.Fatal(err)
			}
			for _, f := range z.File {
				if !strings.HasSuffix(f.Name, ".ftl") && !strings.HasSuffix(f.Name, ".properties") {
					continue
				}
				r, err := f.Open()
				if err != nil {
					log.Fatal(err)
				}
				sc := bufio.NewScanner(r)
				for sc.Scan() {
					line := sc.Text()
					if strings.HasPrefix(strings.TrimSpace(line), "#") {
						continue
					}
					if _, v, ok := strings.Cut(line, "="); ok {
						line = v
					}
					add(line)
				}
				r.Close()
			}
			z.Close()
		}
		return nil
	})
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// moStrings returns the translations in a gettext .mo file, plural forms
// apart.
func moStrings(path string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var order binary.ByteOrder = binary.LittleEndian
	if order.Uint32(b) != 0x950412de {
		order = binary.BigEndian
	}
	n, trans := order.Uint32(b[8:]), order.Uint32(b[16:])
	var out []string
	for i := uint32(0); i < n; i++ {
		l, o := order.Uint32(b[trans+8*i:]), order.Uint32(b[trans+8*i+4:])
		s := string(b[o : o+l])
		if i == 0 && strings.Contains(s, "Content-Type:") {
			continue // the header
		}
		out = append(out, strings.Split(s, "\x00")...)
	}
	return out
}

func langevalTune() []string {
	f, err := os.Open("../testdata/langeval/tune.tsv")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if r := strings.Split(sc.Text(), "\t"); len(r) == 5 && r[0] == "fa" {
			out = append(out, r[4])
		}
	}
	return out
}

func isWordRune(r rune) bool {
	return r >= 0x0620 && r <= 0x064A || r >= 0x066E && r <= 0x06D3 || r == 0x06D5 || r == 0x200C
}

func deriveAdjectives(texts []string) []string {
	words := map[string]bool{}
	adj := map[string]bool{}
	var on []string
	for _, t := range texts {
		// Words of Arabic-script letters and ZWNJs, and whether one
		// space alone separates each from the one before.
		prev, apart := "", false
		for len(t) > 0 {
			i := strings.IndexFunc(t, isWordRune)
			if i < 0 {
				break
			}
			sep := t[:i]
			t = t[i:]
			j := strings.IndexFunc(t, func(r rune) bool { return !isWordRune(r) })
			if j < 0 {
				j = len(t)
			}
			w := strings.Trim(t[:j], "\u200c")
			t = t[j:]
			apart = sep == " " && prev != ""
			switch {
			case w == "ترین" && apart:
				adj[prev] = true
			case strings.HasSuffix(w, "\u200cتر"), strings.HasSuffix(w, "\u200cترین"):
				adj[w[:strings.LastIndex(w, "\u200c")]] = true
			case strings.HasSuffix(w, "ترین") && !strings.Contains(w, "\u200c"):
				on = append(on, strings.TrimSuffix(w, "ترین"))
			}
			if w != "" {
				words[w] = true
			}
			prev = w
		}
	}
	for _, w := range on {
		if utf8.RuneCountInString(w) >= 3 && words[w] {
			adj[w] = true
		}
	}
	out := make([]string, 0, len(adj))
	for w := range adj {
		if utf8.RuneCountInString(w) >= 2 {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// tesseractWords returns the Persian word list of Tesseract's fas model
// (tesseract-ocr-fas, Apache-2.0), which Tesseract's authors built from
// web text, and the package's version line.
func tesseractWords(dir string) ([]string, string) {
	const name = "tesseract-ocr-fas"
	for _, tool := range []string{"combine_tessdata", "dawg2wordlist"} {
		if _, err := exec.LookPath(tool); err != nil {
			log.Fatalf("%s not found: apt-get install tesseract-ocr", tool)
		}
	}
	deb := download(dir, name)
	root := filepath.Join(dir, name)
	run("dpkg-deb", "-x", deb, root)
	m, _ := filepath.Glob(filepath.Join(root, "usr/share/tesseract-ocr/*/tessdata/fas.traineddata"))
	if len(m) != 1 {
		log.Fatalf("%s: no fas.traineddata", deb)
	}
	prefix := filepath.Join(dir, "fas.")
	run("combine_tessdata", "-u", m[0], prefix)
	list := filepath.Join(dir, "fas.words")
	run("dawg2wordlist", prefix+"lstm-unicharset", prefix+"lstm-word-dawg", list)
	b, err := os.ReadFile(list)
	if err != nil {
		log.Fatal(err)
	}
	return strings.Fields(string(b)), fmt.Sprintf("%s %s (Apache-2.0)", name, debVersion(deb))
}

// wordListAdjectives returns the words of a word list that it also has
// with ترین or تر after a ZWNJ, or, three letters or more, with ترین
// written on. A word list has no word order, so ترین written apart is no
// evidence here; and تر written on is too often a word's own letters
// (فیلتر, شوشتر).
func wordListAdjectives(words []string) []string {
	in := map[string]bool{}
	for _, w := range words {
		in[w] = true
	}
	var out []string
	for _, w := range words {
		for _, sfx := range []string{"\u200cترین", "\u200cتر", "ترین"} {
			stem, ok := strings.CutSuffix(w, sfx)
			if !ok || !in[stem] {
				continue
			}
			if n := utf8.RuneCountInString(stem); n >= 3 || n >= 2 && sfx != "ترین" {
				out = append(out, stem)
			}
		}
	}
	return out
}

func writeTable(adjectives, versions []string, wordList string, n int) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by gen_comparatives.go; DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "package normalize\n\n")
	fmt.Fprintf(&b, "// comparativeAdjectives are the words %d Persian strings write before the\n", n)
	fmt.Fprintf(&b, "// comparative تر or ترین, sorted: the building part of\n")
	for _, v := range versions {
		fmt.Fprintf(&b, "// %s,\n", v)
	}
	fmt.Fprintf(&b, "// and the fa strings of testdata/langeval/tune.tsv; and the word list of\n")
	fmt.Fprintf(&b, "// %s.\n", wordList)
	fmt.Fprintf(&b, "var comparativeAdjectives = []string{\n")
	for _, w := range adjectives {
		fmt.Fprintf(&b, "\t%q,\n", w)
	}
	fmt.Fprintf(&b, "}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("comparatives.go", src, 0o644); err != nil {
		log.Fatal(err)
	}
}

func writeMeasure(texts, versions []string) {
	var b bytes.Buffer
	z, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	z.ModTime = z.ModTime.UTC() // zero: the same bytes every run
	fmt.Fprintf(z, "# the measuring part of %s; MPL-2.0\n", strings.Join(versions, ", "))
	for _, t := range texts {
		if strings.Contains(t, "\u200c") {
			fmt.Fprintln(z, t)
		}
	}
	z.Close()
	if err := os.MkdirAll("../testdata/zwnj", 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("../testdata/zwnj/measure.txt.gz", b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
