//go:build ignore

// Command gen derives the evaluation sets of testdata/langeval from real
// text written by others, as Debian and the npm registry ship it:
//
//   - the gettext catalogs (.mo files) of widely translated programs, in
//     the Debian packages listed in debs below: each msgstr, labelled with
//     the language of its locale; the msgids are the English strings;
//   - Debian's fortune files (fortunes-de, fortunes-ru, ...): sentences;
//   - CLDR's JSON packages on npm (cldr-dates-full, ...): short strings per
//     locale.
//
// Every source is on one side only, tune or measure (the part field
// below), so that nothing is scored on the strings a model or a threshold
// was fitted to. A string kept in the tune part is dropped from the
// measure part of its language.
//
// Run it from the repository's root, on a Debian machine with apt-get,
// dpkg-deb and npm:
//
//	go run testdata/langeval/gen.go [-cache DIR] [-out testdata/langeval]
//
// It downloads the exact versions listed below into the cache (apt-get
// download NAME=VERSION, npm pack NAME@VERSION), reads them without
// installing anything, and writes tune.tsv, measure.tsv, sources.tsv and
// counts.md into -out. The output depends only on the packages' bytes,
// whose SHA-256 sources.tsv records.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"log"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The sides of the split.
const (
	tune    = "tune"
	measure = "measure"
)

// Caps: at most this many strings per language, bucket and part, chosen by
// a hash of the text (stable across runs).
const (
	capMeasure = 120
	capTune    = 50
	maxRunes   = 250 // longer strings are split into sentences or dropped
)

// fewLangs are languages that the catalogs of debs translate least, and
// that textnorm recognizes by its own evidence (letters and function
// words) where lingua-go has no model: more of their strings are kept
// (fewCaps, per bucket: measure, tune), from the packages of fewDebs too.
var (
	fewLangs = []string{"ckb", "ps", "sd", "tg", "ug"}
	fewCaps  = [2]int{300, 200}
)

// capOf is the most strings kept for lang in one bucket of part.
func capOf(part, lang string) int {
	i := 0
	if part == tune {
		i = 1
	}
	if slices.Contains(fewLangs, lang) {
		return fewCaps[i]
	}
	return [2]int{capMeasure, capTune}[i]
}

// deb is a Debian binary package read, with the part its source package
// goes to; an empty version is the one the mirror serves (the -available
// count).
type deb struct{ name, version, part string }

// debs are the Debian (bookworm) binary packages read, with the part their
// source package goes to. Packages built from one source package (gettext
// and gettext-base) are on the same side.
var debs = []deb{
	// GNU and Debian command-line tools.
	{"coreutils", "9.1-1", measure},
	{"grep", "3.8-5", measure},
	{"tar", "1.34+dfsg-1.2+deb12u1", measure},
	{"findutils", "4.9.0-4", measure},
	{"wget", "1.21.3-1+deb12u1", measure},
	{"bash", "5.2.15-2+b13", measure},
	{"dpkg", "1.21.23", measure},
	{"debconf-i18n", "1.5.82", measure},
	{"util-linux-locales", "2.38.1-5+deb12u3", measure},
	{"nano", "7.2-1+deb12u1", measure},
	{"binutils-common", "2.40-2", measure},
	{"bison", "2:3.8.2+dfsg-1+b1", measure},
	{"libgpg-error-l10n", "1.46-1", measure},
	{"libc-l10n", "2.36-9+deb12u14", measure},
	{"mc-data", "3:4.8.29-2", measure},
	{"man-db", "2.11.2-2", measure},
	{"sudo", "1.9.13p3-1+deb12u4", measure},
	{"kbd", "2.5.1-1+b1", measure},
	{"gawk", "1:5.2.1-2", measure},
	{"xz-utils", "5.4.1-1", measure},
	{"psmisc", "23.6-1", measure},
	{"libpopt0", "1.19+dfsg-1", measure},
	{"e2fsprogs-l10n", "1.47.0-2", measure},
	{"sed", "4.9-1+deb12u1", tune},
	{"gettext", "0.21-12", tune},
	{"gettext-base", "0.21-12", tune},
	{"diffutils", "1:3.8-4", tune},
	{"cpio", "2.13+dfsg-7.1", tune},
	{"make", "4.3-4.1", tune},
	{"m4", "1.4.19-3", tune},
	{"texinfo", "6.8-6+b1", tune},
	{"gdbm-l10n", "1.23-3", tune},
	{"gnupg-l10n", "2.2.40-1.1+deb12u2", tune},
	{"grub-common", "2.06-13+deb12u2", tune},
	{"libparted-i18n", "3.5-3", tune},
	{"procps", "2:4.0.2-3", tune},
	{"apt", "2.6.1", tune},
	{"adduser", "3.134", tune},
	{"tasksel-data", "3.73", tune},
	{"iso-codes", "4.15.0-1", tune},
	{"xkb-data", "2.35.1-1", tune},
	{"lynx-common", "2.9.0dev.12-1", tune},
	// GNOME.
	{"gnome-desktop3-data", "43.2-2", measure},
	{"nautilus-data", "43.2-1", measure},
	{"eog", "43.2-1", measure},
	{"file-roller", "43.0-1", measure},
	{"gnome-terminal-data", "3.46.8-1", measure},
	{"gnome-shell-common", "43.9-0+deb12u2", measure},
	{"gnome-calculator", "1:43.0.1-2", measure},
	{"totem-common", "43.0-2", measure},
	{"evolution-data-server-common", "3.46.4-2", measure},
	{"gnome-disk-utility", "43.0-1", measure},
	{"libgweather-4-common", "4.2.0-2", measure},
	{"network-manager", "1.42.4-1+deb12u1", measure},
	{"gstreamer1.0-plugins-good", "1.22.0-5+deb12u3", measure},
	{"libgtk-3-common", "3.24.38-2~deb12u3", tune},
	{"libgtk-4-common", "4.8.3+ds-2+deb12u1", tune},
	{"libglib2.0-data", "2.74.6-2+deb12u9", tune},
	{"cheese-common", "43.0-1", tune},
	{"evince-common", "43.1-2", tune},
	{"gedit-common", "44.2-1", tune},
	{"gnome-system-monitor", "42.0-2", tune},
	{"rhythmbox-data", "3.4.6-2", tune},
	{"yelp", "42.2-1+deb12u1", tune},
	{"baobab", "43.0-1", tune},
	{"gnome-control-center-data", "1:43.6-2~deb12u1", tune},
	{"gnome-software-common", "43.5-1~deb12u1", tune},
	{"gnome-text-editor", "43.2-1", tune},
	{"mutter-common", "43.8-0+deb12u1", tune},
	{"network-manager-gnome", "1.30.0-2", tune},
	// Xfce.
	{"thunar-data", "4.18.4-1", measure},
	{"xfce4-panel", "4.18.2-1", measure},
	{"ristretto", "0.12.4-1", measure},
	{"mousepad", "0.5.10-2", measure},
	{"libxfce4ui-common", "4.18.2-2", tune},
	{"xfce4-session", "4.18.1-1", tune},
	{"xfce4-settings", "4.18.2-1", tune},
	{"xfce4-terminal", "1.0.4-1", tune},
	{"xfdesktop4-data", "4.18.1-1", tune},
	// Other applications.
	{"pidgin-data", "2.14.12-1", measure},
	{"vlc-l10n", "3.0.23-0+deb12u1", measure},
	{"inkscape", "1.2.2-2+b1", measure},
	{"gimp-data", "2.10.34-1+deb12u10", tune},
	{"gnucash-common", "1:4.13-1", tune},
	{"filezilla-common", "3.63.0-1+deb12u3", tune},
	{"hexchat-common", "2.16.1-1", tune},
	// Fortunes: one package per language, so each language's fortunes
	// are on one side.
	{"fortunes-de", "0.35-1", measure},
	{"fortunes-es", "1.36", measure},
	{"fortunes-it", "1.99-4.1", measure},
	{"fortunes-ru", "1.52-3.1", measure},
	{"fortunes-pl", "0.0.20130525-3", measure},
	{"fortunes-zh", "2.98", measure},
	{"fortunes-bg", "1.4", tune},
	{"fortunes-cs", "2.0.9-1.1", tune},
	{"fortunes-br", "20220821", tune},
	{"fortunes-ga", "0.10+nmu1", tune},
}

// fewDebs are more packages with catalogs of fewLangs, read for those
// languages only: per language, those of its packages outside debs (by
// source package) with the most sentences, on the side that had fewer,
// and one package with several of the languages on one side for all.
var fewDebs = []deb{
	{"budgie-control-center-data", "1.2.0-1", measure},        // ckb
	{"gnome-initial-setup", "43.2-6", measure},                // ckb
	{"evolution-common", "3.46.4-2+deb12u1", measure},         // ps ug
	{"mate-panel-common", "1.27.0-1", measure},                // ps
	{"cinnamon-l10n", "5.6.1-2", measure},                     // tg
	{"brasero-common", "3.12.3-2", measure},                   // tg
	{"gconf2-common", "3.2.6-8", measure},                     // ug
	{"deja-dup", "44.0-2", tune},                              // ckb
	{"libgoa-1.0-common", "3.46.0-1", tune},                   // ckb
	{"remmina-common", "1.4.29+dfsg-1", tune},                 // ckb
	{"gthumb-data", "3:3.12.2-3", tune},                       // ps
	{"libgtk2.0-common", "2.24.33-2+deb12u1", tune},           // ps
	{"mate-utils-common", "1.26.0-1+deb12u1", tune},           // ps
	{"tuxpaint-data", "1:0.9.28-sdl2-1", tune},                // sd
	{"qml-module-lomiri-components", "1.3.5010+dfsg-1", tune}, // sd
	{"calligrasheets-data", "1:3.2.1+dfsg-6", tune},           // tg
	{"kio", "5.103.0-1+deb12u1", tune},                        // tg ug
	{"caja-common", "1.26.1-1+deb12u1", tune},                 // ug
}

type npmPkg struct{ name, version, part string }

// cldr are CLDR's JSON packages on npm.
var cldr = []npmPkg{
	{"cldr-dates-full", "48.2.0", measure},
	{"cldr-units-full", "48.2.0", measure},
	{"cldr-localenames-full", "48.2.0", tune},
	{"cldr-misc-full", "48.2.0", tune},
	{"cldr-annotations-full", "48.2.0", tune},
}

// scripts are the scripts each kept language is written in; a string is
// kept only if at least 75% of its letters are in them. Languages not
// listed are not kept.
var scripts = map[string][]*unicode.RangeTable{}

func init() {
	add := func(t []*unicode.RangeTable, langs ...string) {
		for _, l := range langs {
			scripts[l] = t
		}
	}
	latn := []*unicode.RangeTable{unicode.Latin}
	cyrl := []*unicode.RangeTable{unicode.Cyrillic}
	add(latn, "af", "az", "bs", "ca", "cs", "cy", "da", "de", "en", "eo", "es",
		"et", "eu", "fi", "fr", "ga", "gl", "hr", "hu", "id", "is", "it", "la",
		"lg", "lt", "lv", "mi", "ms", "nb", "nl", "nn", "pl", "pt", "ro", "sk",
		"sl", "sn", "so", "sq", "st", "sv", "sw", "tl", "tn", "tr", "ts", "vi",
		"xh", "yo", "zu")
	add(cyrl, "be", "bg", "kk", "ky", "mk", "mn", "ru", "tg", "uk")
	add([]*unicode.RangeTable{unicode.Cyrillic, unicode.Latin}, "sr", "uz")
	add([]*unicode.RangeTable{unicode.Arabic}, "ar", "fa", "ur", "ps", "ckb", "ug", "sd")
	add([]*unicode.RangeTable{unicode.Devanagari}, "hi", "mr", "ne")
	add([]*unicode.RangeTable{unicode.Bengali}, "bn")
	add([]*unicode.RangeTable{unicode.Gurmukhi}, "pa")
	add([]*unicode.RangeTable{unicode.Gujarati}, "gu")
	add([]*unicode.RangeTable{unicode.Oriya}, "or")
	add([]*unicode.RangeTable{unicode.Tamil}, "ta")
	add([]*unicode.RangeTable{unicode.Telugu}, "te")
	add([]*unicode.RangeTable{unicode.Kannada}, "kn")
	add([]*unicode.RangeTable{unicode.Malayalam}, "ml")
	add([]*unicode.RangeTable{unicode.Sinhala}, "si")
	add([]*unicode.RangeTable{unicode.Thai}, "th")
	add([]*unicode.RangeTable{unicode.Lao}, "lo")
	add([]*unicode.RangeTable{unicode.Khmer}, "km")
	add([]*unicode.RangeTable{unicode.Tibetan}, "bo")
	add([]*unicode.RangeTable{unicode.Thaana}, "dv")
	add([]*unicode.RangeTable{unicode.Georgian}, "ka")
	add([]*unicode.RangeTable{unicode.Armenian}, "hy")
	add([]*unicode.RangeTable{unicode.Greek}, "el")
	add([]*unicode.RangeTable{unicode.Hebrew}, "he")
	add([]*unicode.RangeTable{unicode.Hangul, unicode.Han}, "ko")
	add([]*unicode.RangeTable{unicode.Han}, "zh")
	add([]*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana}, "ja")
}

// aliases map locale language codes to the subtag the sets use.
var aliases = map[string]string{"no": "nb", "fil": "tl", "iw": "he", "in": "id", "pes": "fa", "prs": "fa", "pbu": "ps", "pst": "ps"}

// charBuckets are languages bucketed by letters, not words: Han and kana
// (1–4, 5–10, 11+) and the scripts written without spaces between words
// (1–6, 7–16, 17+).
var charBuckets = map[string][2]int{
	"zh": {4, 10}, "ja": {4, 10},
	"th": {6, 16}, "lo": {6, 16}, "km": {6, 16}, "bo": {6, 16},
}

type item struct {
	lang, locale, source, part, text string
}

// keep appends it to items if accept keeps its text, cleaned.
func keep(items []item, it item) []item {
	text, ok := accept(it.lang, it.text)
	if !ok {
		return items
	}
	it.text = text
	return append(items, it)
}

type source struct {
	kind, name, version, srcpkg, part, sha, licences, file string
}

func main() {
	log.SetFlags(0)
	cache := flag.String("cache", filepath.Join(os.TempDir(), "textnorm-langeval"), "download `dir`")
	out := flag.String("out", "testdata/langeval", "output `dir`")
	avail := flag.Bool("available", false, "instead of the sets, count the strings of fewLangs in every package of the mirror (its Contents indexes say which), at the versions it serves, and write available.md")
	mirror := flag.String("mirror", "http://deb.debian.org/debian/dists/bookworm/main", "with -available: the `URL` of the suite's component, where Contents-amd64.gz and Contents-all.gz are")
	flag.Parse()
	if err := os.MkdirAll(*cache, 0o755); err != nil {
		log.Fatal(err)
	}
	if *avail {
		if err := available(*cache, *mirror, filepath.Join(*out, "available.md")); err != nil {
			log.Fatal(err)
		}
		return
	}
	var items []item
	var sources []source
	for i, d := range append(slices.Clip(debs), fewDebs...) {
		s, its, err := readDeb(*cache, d, i >= len(debs))
		if err != nil {
			log.Fatalf("%s: %v", d.name, err)
		}
		sources = append(sources, s)
		items = append(items, its...)
	}
	for _, p := range cldr {
		s, its, err := readCLDR(*cache, p)
		if err != nil {
			log.Fatalf("%s: %v", p.name, err)
		}
		sources = append(sources, s)
		items = append(items, its...)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	sets := split(items)
	counts := map[string]map[string]int{} // source -> part -> n
	for part, rows := range sets {
		if err := writeSet(filepath.Join(*out, part+".tsv"), rows); err != nil {
			log.Fatal(err)
		}
		for _, r := range rows {
			if counts[r.source] == nil {
				counts[r.source] = map[string]int{}
			}
			counts[r.source][part]++
		}
	}
	if err := writeSources(filepath.Join(*out, "sources.tsv"), sources, counts); err != nil {
		log.Fatal(err)
	}
	if err := writeCounts(filepath.Join(*out, "counts.md"), sets); err != nil {
		log.Fatal(err)
	}
}

// ---- Debian packages ----

// available counts the distinct strings of each of fewLangs, per bucket,
// that the packages of the mirror offer: every package whose files (by the
// Contents indexes) include a catalog of one of their locales, read as
// readDeb reads the packages of the sets, without caps. It writes the
// counts beside those of the sets, so that the sets' figures can be read
// against what there is.
func available(cache, mirror, file string) error {
	pkgs := map[string]bool{}
	for _, arch := range []string{"amd64", "all"} {
		url := mirror + "/Contents-" + arch + ".gz"
		resp, err := http.Get(url)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			resp.Body.Close()
			return fmt.Errorf("%s: %s", url, resp.Status)
		}
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			resp.Body.Close()
			return fmt.Errorf("%s: %v", url, err)
		}
		sc := bufio.NewScanner(zr)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			name, where, ok := strings.Cut(sc.Text(), " ")
			rest, ok2 := strings.CutPrefix(name, "usr/share/locale/")
			if !ok || !ok2 || !strings.HasSuffix(name, ".mo") {
				continue
			}
			loc, rest, _ := strings.Cut(rest, "/")
			if !strings.HasPrefix(rest, "LC_MESSAGES/") || !slices.Contains(fewLangs, localeLang(loc)) {
				continue
			}
			for _, p := range strings.Split(strings.TrimSpace(where), ",") {
				pkgs[path.Base(p)] = true
			}
		}
		err = sc.Err()
		resp.Body.Close()
		if err != nil {
			return fmt.Errorf("%s: %v", url, err)
		}
	}
	names := slices.Sorted(maps.Keys(pkgs))
	type count struct {
		buckets [3]int
		pkgs    map[string]bool
	}
	counts := map[string]*count{}
	seen := map[string]bool{} // lang|key
	for _, name := range names {
		_, items, err := readDeb(filepath.Join(cache, "available"), deb{name: name}, true)
		if err != nil {
			log.Printf("%s: %v (skipped)", name, err)
			continue
		}
		for _, it := range items {
			k := it.lang + "|" + key(it.text)
			if seen[k] {
				continue
			}
			seen[k] = true
			c := counts[it.lang]
			if c == nil {
				c = &count{pkgs: map[string]bool{}}
				counts[it.lang] = c
			}
			c.buckets[bucketOrder(bucket(it.lang, it.text))]++
			c.pkgs[it.source] = true
		}
	}
	var b bytes.Buffer
	fmt.Fprintln(&b, "<!-- written by gen.go -available: do not edit -->")
	fmt.Fprintln(&b, "# Strings the mirror's packages offer, for the languages with the fewest")
	fmt.Fprintln(&b)
	fmt.Fprintf(&b, "Distinct strings (as `gen.go` keeps them, without caps) in the catalogs of every package of %s whose Contents list a catalog of the language; counted on %s.\n\n",
		mirror, time.Now().UTC().Format("2006-01-02"))
	fmt.Fprintln(&b, "| lang | packages | short | medium | sentence |")
	fmt.Fprintln(&b, "| --- | ---: | ---: | ---: | ---: |")
	for _, l := range fewLangs {
		c := counts[l]
		if c == nil {
			c = &count{}
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d |\n", l, len(c.pkgs), c.buckets[0], c.buckets[1], c.buckets[2])
	}
	return os.WriteFile(file, b.Bytes(), 0o644)
}

// readDeb reads a package's catalogs and fortunes; with few, only the
// strings of fewLangs.
func readDeb(cache string, d deb, few bool) (source, []item, error) {
	file, err := fetchDeb(cache, d)
	if err != nil {
		return source{}, nil, err
	}
	sum, err := sha(file)
	if err != nil {
		return source{}, nil, err
	}
	field := func(f string) string {
		b, err := exec.Command("dpkg-deb", "-f", file, f).Output()
		if err != nil {
			return ""
		}
		return strings.TrimSpace(string(b))
	}
	if v := field("Version"); d.version == "" {
		d.version = v
	} else if v != d.version {
		return source{}, nil, fmt.Errorf("%s is version %s, not %s", file, v, d.version)
	}
	srcpkg := strings.Fields(field("Source") + " " + d.name)[0]
	s := source{kind: "deb", name: d.name, version: d.version, srcpkg: srcpkg, part: d.part, sha: sum, file: filepath.Base(file),
		licences: "see the package's copyright file"}
	cmd := exec.Command("dpkg-deb", "--fsys-tarfile", file)
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return s, nil, err
	}
	if err := cmd.Start(); err != nil {
		return s, nil, err
	}
	var items []item
	tr := tar.NewReader(pipe)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return s, nil, err
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		name := strings.TrimPrefix(h.Name, "./")
		switch {
		case strings.HasSuffix(name, ".mo") && strings.Contains(name, "/LC_MESSAGES/"):
			b, err := io.ReadAll(tr)
			if err != nil {
				return s, nil, err
			}
			loc := path.Base(path.Dir(path.Dir(name)))
			items = append(items, moItems(b, loc, srcpkg, d.part)...)
		case strings.HasPrefix(name, "usr/share/games/fortunes/"):
			ext := path.Ext(name)
			if ext == ".dat" || ext == ".u8" || slices.Contains(strings.Split(name, "/"), "off") {
				continue
			}
			lang := fortuneLang(name)
			if lang == "" {
				continue
			}
			b, err := io.ReadAll(tr)
			if err != nil {
				return s, nil, err
			}
			for _, t := range fortunes(string(b)) {
				items = keep(items, item{lang: lang, locale: "fortune:" + path.Base(name), source: srcpkg, part: d.part, text: t})
			}
		case strings.HasPrefix(name, "usr/share/doc/") && path.Base(name) == "copyright":
			b, err := io.ReadAll(tr)
			if err != nil {
				return s, nil, err
			}
			s.licences = licences(string(b))
		}
	}
	if err := cmd.Wait(); err != nil {
		return s, nil, err
	}
	// A translation equal to any English string of the package (a msgid)
	// is untranslated.
	english := map[string]bool{}
	for _, it := range items {
		if it.lang == "en" {
			english[key(it.text)] = true
		}
	}
	for id := range msgids {
		if src, id, _ := strings.Cut(id, "\x00"); src == srcpkg {
			english[key(clean(id))] = true
		}
	}
	kept := items[:0]
	for _, it := range items {
		if few && !slices.Contains(fewLangs, it.lang) {
			continue
		}
		if it.lang == "en" || !english[key(it.text)] {
			kept = append(kept, it)
		}
	}
	return s, kept, nil
}

func fetchDeb(cache string, d deb) (string, error) {
	dir := filepath.Join(cache, "debs")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	v := strings.ReplaceAll(d.version, ":", "%3a")
	want := d.name + "=" + d.version
	if d.version == "" {
		v, want = "*", d.name
	}
	find := func() string {
		m, _ := filepath.Glob(filepath.Join(dir, d.name+"_"+v+"_*.deb"))
		if len(m) == 1 {
			return m[0]
		}
		// apt-get names files without the epoch
		if _, rest, ok := strings.Cut(d.version, ":"); ok {
			m, _ = filepath.Glob(filepath.Join(dir, d.name+"_"+rest+"_*.deb"))
			if len(m) == 1 {
				return m[0]
			}
		}
		return ""
	}
	if f := find(); f != "" {
		return f, nil
	}
	cmd := exec.Command("apt-get", "download", "-q", want)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("apt-get download %s: %v", want, err)
	}
	if f := find(); f != "" {
		return f, nil
	}
	return "", errors.New("downloaded .deb not found")
}

// licences returns the distinct License: short names of a Debian copyright
// file (machine-readable format), or a note that it has none.
func licences(c string) string {
	var names []string
	for _, line := range strings.Split(c, "\n") {
		if rest, ok := strings.CutPrefix(line, "License:"); ok {
			n := strings.TrimSpace(rest)
			if n != "" && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	if len(names) == 0 {
		return "see the package's copyright file"
	}
	return strings.Join(names, "; ")
}

func sha(file string) (string, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ---- gettext ----

// moEntries parses a GNU .mo file into msgid/msgstr pairs (msgctxt and
// plural forms dropped: the msgid is its singular, the msgstr its first
// form).
func moEntries(b []byte) (ids, strs []string, err error) {
	if len(b) < 28 {
		return nil, nil, errors.New("short .mo")
	}
	var bo binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0x950412de:
		bo = binary.LittleEndian
	case 0xde120495:
		bo = binary.BigEndian
	default:
		return nil, nil, errors.New("not a .mo file")
	}
	n := int(bo.Uint32(b[8:]))
	oo, to := int(bo.Uint32(b[12:])), int(bo.Uint32(b[16:]))
	str := func(table, i int) (string, error) {
		at := table + 8*i
		if at+8 > len(b) {
			return "", errors.New("bad .mo table")
		}
		l, o := int(bo.Uint32(b[at:])), int(bo.Uint32(b[at+4:]))
		if o+l > len(b) || o < 0 || l < 0 {
			return "", errors.New("bad .mo string")
		}
		return string(b[o : o+l]), nil
	}
	for i := range n {
		id, err := str(oo, i)
		if err != nil {
			return nil, nil, err
		}
		s, err := str(to, i)
		if err != nil {
			return nil, nil, err
		}
		if _, rest, ok := strings.Cut(id, "\x04"); ok {
			id = rest
		}
		id, _, _ = strings.Cut(id, "\x00")
		s, _, _ = strings.Cut(s, "\x00")
		ids = append(ids, id)
		strs = append(strs, s)
	}
	return ids, strs, nil
}

// localeLang returns the language of a gettext locale name (pt_BR: pt,
// sr@latin: sr, zh_TW: zh), or "" for locales not kept (English ones,
// whose text is the msgid; variants such as en@quot).
func localeLang(loc string) string {
	base, variant, _ := strings.Cut(loc, "@")
	switch variant {
	case "", "latin", "cyrillic", "valencia":
	default:
		return ""
	}
	base, _, _ = strings.Cut(base, ".")
	lang, _, _ := strings.Cut(base, "_")
	lang = strings.ToLower(lang)
	if strings.HasPrefix(base, "ku_IQ") { // Sorani or Kurmanji: unclear
		return ""
	}
	if a, ok := aliases[lang]; ok {
		lang = a
	}
	if lang == "en" {
		return ""
	}
	return lang
}

// msgids are the msgids already read, per source package.
var msgids = map[string]bool{}

func moItems(b []byte, loc, srcpkg, part string) []item {
	ids, strs, err := moEntries(b)
	if err != nil {
		log.Printf("%s %s: %v", srcpkg, loc, err)
		return nil
	}
	for i, id := range ids {
		if id == "" {
			cs := strings.ToLower(strs[i])
			if j := strings.Index(cs, "charset="); j >= 0 {
				c := strings.Fields(cs[j+len("charset="):] + " ")[0]
				if c != "utf-8" && c != "utf8" && c != "ascii" && c != "us-ascii" {
					log.Printf("%s %s: charset %s skipped", srcpkg, loc, c)
					return nil
				}
			}
		}
	}
	lang := localeLang(loc)
	var items []item
	for i, id := range ids {
		if id == "" {
			continue
		}
		// The msgid is the program's English text, read once per package.
		if !msgids[srcpkg+"\x00"+id] {
			msgids[srcpkg+"\x00"+id] = true
			for _, p := range paragraphs(id) {
				items = keep(items, item{lang: "en", locale: "msgid", source: srcpkg, part: part, text: p})
			}
		}
		if lang == "" || strs[i] == "" {
			continue
		}
		idKeys := map[string]bool{}
		for _, p := range paragraphs(id) {
			idKeys[key(clean(p))] = true
		}
		idKeys[key(clean(id))] = true
		for _, p := range paragraphs(strs[i]) {
			if idKeys[key(clean(p))] { // untranslated
				continue
			}
			items = keep(items, item{lang: lang, locale: loc, source: srcpkg, part: part, text: p})
		}
	}
	return items
}

// paragraphs splits a message into paragraphs (at blank lines), with the
// lines of each joined.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if strings.TrimSpace(p) != "" {
			out = append(out, joinLines(strings.Split(p, "\n")))
		}
	}
	return out
}

// joinLines joins lines with a space, or with nothing between two lines
// of a script written without spaces (Han, kana).
func joinLines(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(l)
			if !(noSpace(last) && noSpace(first)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

func noSpace(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// ---- fortunes ----

func fortuneLang(name string) string {
	rest := strings.TrimPrefix(name, "usr/share/games/fortunes/")
	dir, file, ok := strings.Cut(rest, "/")
	if !ok {
		switch rest {
		case "brasil":
			return "pt"
		case "song100", "tang300", "chinese":
			return "zh"
		}
		return ""
	}
	switch dir {
	case "cs":
		if strings.HasSuffix(file, "-sk") {
			return "sk"
		}
		return "cs"
	case "de", "es", "it", "ru", "pl", "bg", "ga":
		return dir
	}
	return ""
}

// sentenceEnd is where a long paragraph may be cut: after a sentence's
// final punctuation followed by space and a capital, or after CJK final
// punctuation.
var sentenceEnd = regexp.MustCompile(`[.!?…]+["»”)]*\s+\p{Lu}|[。！？]`)

// fortunes splits a fortune file into texts: each fortune's paragraphs,
// without attribution lines or coloured titles; a paragraph longer than
// maxRunes is cut at sentence ends into pieces as long as possible.
func fortunes(f string) []string {
	var out []string
	for _, fortune := range strings.Split(strings.ReplaceAll(f, "\r\n", "\n"), "\n%\n") {
		var para []string
		flush := func() {
			if len(para) == 0 {
				return
			}
			p := joinLines(para)
			para = nil
			if utf8.RuneCountInString(p) <= maxRunes {
				out = append(out, p)
				return
			}
			var sentences []string
			for p != "" {
				end := len(p)
				if loc := sentenceEnd.FindStringIndex(p); loc != nil {
					end = loc[1]
					if r, n := utf8.DecodeLastRuneInString(p[:end]); unicode.IsUpper(r) {
						end -= n // keep the capital for the next sentence
					}
				}
				sentences = append(sentences, strings.TrimSpace(p[:end]))
				p = p[end:]
			}
			chunk := ""
			for _, s := range sentences {
				if chunk != "" && utf8.RuneCountInString(chunk)+1+utf8.RuneCountInString(s) > maxRunes {
					out = append(out, chunk)
					chunk = ""
				}
				chunk = joinLines([]string{chunk, s})
			}
			if chunk != "" {
				out = append(out, chunk)
			}
		}
		for _, line := range strings.Split(fortune, "\n") {
			t := strings.TrimSpace(line)
			switch {
			case t == "" || t == "%":
				flush()
			case strings.Contains(t, "\x1b"), strings.HasPrefix(t, "--"),
				strings.HasPrefix(t, "—"), strings.HasPrefix(t, "–"):
				flush()
			default:
				para = append(para, t)
			}
		}
		flush()
	}
	return out
}

// ---- CLDR ----

// cldrFiles are the files read in each package, with the JSON paths kept
// (below main/LOCALE or annotations/LOCALE); a path ending in "/" keeps
// everything under it.
var cldrFiles = map[string][]string{
	"ca-gregorian.json": {"dates/calendars/gregorian/months/", "dates/calendars/gregorian/days/",
		"dates/calendars/gregorian/quarters/format/wide/", "dates/calendars/gregorian/dayPeriods/format/wide/",
		"dates/calendars/gregorian/eras/eraNames/"},
	"dateFields.json":             {"dates/fields/"},
	"timeZoneNames.json":          {"dates/timeZoneNames/metazone/"}, // not the cities' names
	"units.json":                  {"units/long/"},
	"languages.json":              {"localeDisplayNames/languages/"},
	"territories.json":            {"localeDisplayNames/territories/"},
	"scripts.json":                {"localeDisplayNames/scripts/"},
	"characterLabels.json":        {"characterLabels/"},
	"annotations.json":            {"annotations/"},
	"measurementSystemNames.json": {"localeDisplayNames/measurementSystemNames/"},
}

// cldrAbbreviated reports whether a CLDR path is of an abbreviated form
// (short, narrow, abbreviated): abbreviations say little of a language.
func cldrAbbreviated(p string) bool {
	for _, c := range strings.Split(p, "/") {
		if c == "short" || c == "narrow" || c == "abbreviated" || strings.HasSuffix(c, "-short") || strings.HasSuffix(c, "-narrow") {
			return true
		}
	}
	return false
}

var cldrLocale = regexp.MustCompile(`^([a-z]{2,3})(-[A-Z][a-z]{3})?$`)

func readCLDR(cache string, p npmPkg) (source, []item, error) {
	dir := filepath.Join(cache, "npm")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return source{}, nil, err
	}
	file := filepath.Join(dir, p.name+"-"+p.version+".tgz")
	if _, err := os.Stat(file); err != nil {
		cmd := exec.Command("npm", "pack", "-q", p.name+"@"+p.version)
		cmd.Dir = dir
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return source{}, nil, fmt.Errorf("npm pack %s@%s: %v", p.name, p.version, err)
		}
	}
	sum, err := sha(file)
	if err != nil {
		return source{}, nil, err
	}
	s := source{kind: "npm", name: p.name, version: p.version, srcpkg: p.name, part: p.part, sha: sum, file: filepath.Base(file)}
	f, err := os.Open(file)
	if err != nil {
		return s, nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return s, nil, err
	}
	// values[locale][key] = strings; key is file|path
	values := map[string]map[string][]string{}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return s, nil, err
		}
		parts := strings.Split(h.Name, "/") // package/main/LOCALE/FILE
		if len(parts) == 2 && parts[1] == "package.json" {
			var pj struct{ License string }
			b, _ := io.ReadAll(tr)
			if json.Unmarshal(b, &pj) == nil {
				s.licences = pj.License
			}
			continue
		}
		if len(parts) != 4 || (parts[1] != "main" && parts[1] != "annotations") {
			continue
		}
		loc, base := parts[2], parts[3]
		keep, ok := cldrFiles[base]
		if !ok || (loc != "root" && !cldrLocale.MatchString(loc)) {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return s, nil, err
		}
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			return s, nil, fmt.Errorf("%s: %v", h.Name, err)
		}
		root, _ := doc[parts[1]].(map[string]any)
		top, ok := root[loc].(map[string]any)
		if !ok { // annotations.json has no locale level
			top = root
		}
		if values[loc] == nil {
			values[loc] = map[string][]string{}
		}
		walk(top, "", func(p, v string) {
			if cldrAbbreviated(p) {
				return
			}
			for _, k := range keep {
				if strings.HasPrefix(p+"/", k) || p == strings.TrimSuffix(k, "/") {
					kp := base + "|" + p
					values[loc][kp] = append(values[loc][kp], v)
					return
				}
			}
		})
	}
	// A value that is, anywhere in the package, an English or a root
	// value is untranslated.
	english := map[string]bool{}
	for _, loc := range []string{"en", "root"} {
		for _, vs := range values[loc] {
			for _, v := range vs {
				english[key(clean(v))] = true
			}
		}
	}
	var items []item
	locs := make([]string, 0, len(values))
	for l := range values {
		if l != "root" {
			locs = append(locs, l)
		}
	}
	sort.Strings(locs)
	for _, loc := range locs {
		m := cldrLocale.FindStringSubmatch(loc)
		lang := m[1]
		if a, ok := aliases[lang]; ok {
			lang = a
		}
		keys := make([]string, 0, len(values[loc]))
		for k := range values[loc] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			for _, v := range values[loc][k] {
				if lang != "en" && english[key(clean(v))] {
					continue
				}
				items = keep(items, item{lang: lang, locale: loc, source: p.name, part: p.part, text: v})
			}
		}
	}
	return s, items, nil
}

// walk calls f for every string leaf of v, with its slash-separated path
// (array indices included).
func walk(v any, p string, f func(p, v string)) {
	switch v := v.(type) {
	case map[string]any:
		ks := make([]string, 0, len(v))
		for k := range v {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			walk(v[k], strings.TrimPrefix(p+"/"+k, "/"), f)
		}
	case []any:
		for i, e := range v {
			walk(e, p+"/"+strconv.Itoa(i), f)
		}
	case string:
		f(p, v)
	}
}

// ---- filters ----

var (
	mnemonicParen = regexp.MustCompile(`\s*[(（][_&][\pL\pN][)）]`)
	mnemonic      = regexp.MustCompile(`[_&]([\pL\pN])`)
	entity        = regexp.MustCompile(`&(#?[\pL\pN]+)[;؛]`)
	// rejected: placeholders, markup, paths, options, URLs, escapes
	reject = regexp.MustCompile(`[%{}$<>\\@#|=_*^~\[\]` + "`" + `/]|--|::|https?:|www\.|&[a-zA-Z]+;|&#`)
)

// clean returns the text with keyboard mnemonics removed and white space
// collapsed.
func clean(s string) string {
	if strings.ContainsAny(s, "_&") {
		s = mnemonicParen.ReplaceAllString(s, "")
		s = mnemonic.ReplaceAllString(s, "$1")
	}
	return strings.Join(strings.Fields(s), " ")
}

// key is what two strings must share to be the same string: their letters
// and digits, lower-cased.
func key(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// accept cleans text and reports whether it is kept for lang: no
// placeholders or markup, at least two letters, mostly in lang's scripts,
// not longer than maxRunes, and (in scripts with case) not all capitals.
func accept(lang, text string) (string, bool) {
	if strings.ContainsAny(text, "\t") || !utf8.ValidString(text) || entity.MatchString(text) {
		return "", false
	}
	text = clean(text)
	if reject.MatchString(text) || utf8.RuneCountInString(text) > maxRunes {
		return "", false
	}
	tables, ok := scripts[lang]
	if !ok {
		return "", false
	}
	letters, in, cased, lower := 0, 0, 0, 0
	for _, r := range text {
		if unicode.IsControl(r) || r == '\ufffd' {
			return "", false
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.In(r, tables...) {
			in++
		}
		if unicode.IsUpper(r) || unicode.IsLower(r) {
			cased++
			if unicode.IsLower(r) {
				lower++
			}
		}
	}
	if letters < 2 || in*4 < letters*3 || (cased > 1 && lower == 0) {
		return "", false
	}
	return text, true
}

// bucket is the length of a text: short (1–2 words), medium (3–5) or
// sentence (6+); for the languages of charBuckets, counted in letters.
func bucket(lang, text string) string {
	n := 0
	if lim, ok := charBuckets[lang]; ok {
		for _, r := range text {
			if unicode.IsLetter(r) {
				n++
			}
		}
		switch {
		case n <= lim[0]:
			return "short"
		case n <= lim[1]:
			return "medium"
		}
		return "sentence"
	}
	for _, w := range strings.Fields(text) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	switch {
	case n <= 2:
		return "short"
	case n <= 5:
		return "medium"
	}
	return "sentence"
}

// ---- split and sample ----

type row struct {
	lang, bucket, source, locale, text string
}

func split(items []item) map[string][]row {
	type cand struct {
		row
		h uint64
	}
	seen := map[string]map[string]bool{tune: {}, measure: {}} // part -> lang|key
	byCell := map[string][]cand{}                             // part|lang|bucket
	// Tune first, so that a string in both parts stays in tune only.
	for _, part := range []string{tune, measure} {
		var its []item
		for _, it := range items {
			if it.part == part {
				its = append(its, it)
			}
		}
		sort.SliceStable(its, func(i, j int) bool {
			a, b := its[i], its[j]
			if a.lang != b.lang {
				return a.lang < b.lang
			}
			if a.source != b.source {
				return a.source < b.source
			}
			if a.locale != b.locale {
				return a.locale < b.locale
			}
			return a.text < b.text
		})
		for _, it := range its {
			text := it.text
			k := it.lang + "|" + key(text)
			if seen[tune][k] || seen[measure][k] {
				continue
			}
			seen[part][k] = true
			h := fnv.New64a()
			h.Write([]byte(text))
			b := bucket(it.lang, text)
			byCell[part+"|"+it.lang+"|"+b] = append(byCell[part+"|"+it.lang+"|"+b],
				cand{row{it.lang, b, it.source, it.locale, text}, h.Sum64()})
		}
	}
	// Each cell is sampled a kind of text at a time (gettext catalogs
	// twice, then fortunes, then CLDR), in turn, and within a kind a source
	// at a time, each
	// source's strings in the order of a hash of their text, so that no
	// large catalog and no kind fills a cell alone.
	sets := map[string][]row{}
	for cell, cs := range byCell {
		part, _, _ := strings.Cut(cell, "|")
		byKind := map[string]map[string][]cand{}
		for _, c := range cs {
			k := kindOf(c.row)
			if byKind[k] == nil {
				byKind[k] = map[string][]cand{}
			}
			byKind[k][c.source] = append(byKind[k][c.source], c)
		}
		var kinds [][]row // per kind, its strings in the order they are taken
		for _, k := range []string{"gettext", "fortune", "cldr"} {
			bySource := byKind[k]
			var names []string
			for n, l := range bySource {
				names = append(names, n)
				sort.Slice(l, func(i, j int) bool {
					if l[i].h != l[j].h {
						return l[i].h < l[j].h
					}
					return l[i].text < l[j].text
				})
			}
			sort.Strings(names)
			var order []row
			for round, more := 0, true; more; round++ {
				more = false
				for _, n := range names {
					if l := bySource[n]; round < len(l) {
						order = append(order, l[round].row)
						more = true
					}
				}
			}
			kinds = append(kinds, order)
		}
		n := capOf(part, cs[0].lang)
		// Per round, two gettext strings, one fortune, one CLDR string.
		weight := []int{2, 1, 1}
		next := make([]int, len(kinds))
		for taken, more := 0, true; more && taken < n; {
			more = false
			for k, order := range kinds {
				for range weight[k] {
					if next[k] < len(order) && taken < n {
						sets[part] = append(sets[part], order[next[k]])
						next[k]++
						taken++
						more = true
					}
				}
			}
		}
	}
	for _, rows := range sets {
		sort.Slice(rows, func(i, j int) bool {
			a, b := rows[i], rows[j]
			if a.lang != b.lang {
				return a.lang < b.lang
			}
			if a.bucket != b.bucket {
				return bucketOrder(a.bucket) < bucketOrder(b.bucket)
			}
			if a.source != b.source {
				return a.source < b.source
			}
			return a.text < b.text
		})
	}
	return sets
}

// kindOf is the kind of text a row comes from: "gettext", "fortune" or
// "cldr".
func kindOf(r row) string {
	switch {
	case strings.HasPrefix(r.locale, "fortune:"):
		return "fortune"
	case strings.HasPrefix(r.source, "cldr-"):
		return "cldr"
	}
	return "gettext"
}

func bucketOrder(b string) int {
	return map[string]int{"short": 0, "medium": 1, "sentence": 2}[b]
}

// ---- output ----

func writeSet(file string, rows []row) error {
	var b bytes.Buffer
	b.WriteString("lang\tbucket\tsource\tlocale\ttext\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", r.lang, r.bucket, r.source, r.locale, r.text)
	}
	return os.WriteFile(file, b.Bytes(), 0o644)
}

func writeSources(file string, sources []source, counts map[string]map[string]int) error {
	var b bytes.Buffer
	b.WriteString("kind\tpackage\tversion\tsource\tpart\tmeasure_strings\ttune_strings\tsha256\tfile\tlicences\n")
	for _, s := range sources {
		c := counts[s.srcpkg]
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\n", s.kind, s.name, s.version, s.srcpkg, s.part,
			c[measure], c[tune], s.sha, s.file, s.licences)
	}
	return os.WriteFile(file, b.Bytes(), 0o644)
}

func writeCounts(file string, sets map[string][]row) error {
	n := map[string]map[string][3]int{} // lang -> part -> buckets
	for part, rows := range sets {
		for _, r := range rows {
			if n[r.lang] == nil {
				n[r.lang] = map[string][3]int{}
			}
			c := n[r.lang][part]
			c[bucketOrder(r.bucket)]++
			n[r.lang][part] = c
		}
	}
	langs := make([]string, 0, len(n))
	for l := range n {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	fmt.Fprintln(w, "<!-- written by gen.go: do not edit -->")
	fmt.Fprintln(w, "# Strings per language, bucket and part")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| lang | measure short | measure medium | measure sentence | tune short | tune medium | tune sentence |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	var tot [2][3]int
	for _, l := range langs {
		m, t := n[l][measure], n[l][tune]
		fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %d | %d |\n", l, m[0], m[1], m[2], t[0], t[1], t[2])
		for i := range 3 {
			tot[0][i] += m[i]
			tot[1][i] += t[i]
		}
	}
	fmt.Fprintf(w, "| all | %d | %d | %d | %d | %d | %d |\n", tot[0][0], tot[0][1], tot[0][2], tot[1][0], tot[1][1], tot[1][2])
	w.Flush()
	return os.WriteFile(file, b.Bytes(), 0o644)
}
