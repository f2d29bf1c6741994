package normalize

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// benchText is a mixed Persian, English and Arabic text of at least 1 MB,
// news-like, with the noise scraped pages carry: no-break spaces, CRLF,
// mis-keyed letters, doubled spaces, ZWNJs and Arabic-Indic digits.
var benchText = func() string {
	paras := []string{
		"خبرگزاری‌ها گزارش دادند که نشست وزیران امور خارجه روز جمعه در تهران برگزار شد و دو طرف درباره همکاری‌های اقتصادی گفت‌وگو کردند.\r\n",
		"The ministers met on Friday and agreed to resume talks on trade, energy and transport before the end of the year.\u00a0\r\n",
		"قال المتحدث باسم الوزارة إن المحادثات كانت مثمرة وإن الجانبين اتفقا على مواصلة التشاور في الأسابيع المقبلة.\r\n",
		"وي گفت كه قيمت نفت در سال ١٤٠٢ افزايش يافته  است و بازار   به ثبات نیاز دارد.\r\n",
		"Prices rose by 4.5% in March, the statistics office said, citing higher costs for food and fuel.  \r\n",
		"کاربران می‌توانند از طریق اپلیکیشن iPhone و Android به این سرویس دسترسی داشته باشند.\r\n",
	}
	var b strings.Builder
	for b.Len() < 1<<20 {
		for _, p := range paras {
			b.WriteString(p)
		}
	}
	return b.String()
}()

func benchProfile(b *testing.B, p Profile) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		_ = p.Apply(benchText)
	}
}

// BenchmarkRawNFC is the ceiling: x/text's NFC alone.
func BenchmarkRawNFC(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		_ = norm.NFC.String(benchText)
	}
}

// BenchmarkRawNFCTransform is x/text's NFC through transform.String, the
// ceiling for the streaming path.
func BenchmarkRawNFCTransform(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		_, _, _ = transform.String(norm.NFC, benchText)
	}
}

func BenchmarkProfile(b *testing.B) {
	for _, p := range Profiles() {
		b.Run(p.Name(), func(b *testing.B) { benchProfile(b, p) })
	}
}

func BenchmarkTransformer(b *testing.B) {
	for _, p := range []Profile{None, Default, Persian} {
		b.Run(p.Name(), func(b *testing.B) {
			b.SetBytes(int64(len(benchText)))
			for b.Loop() {
				_, _, _ = transform.String(p.Transformer(), benchText)
			}
		})
	}
}

// BenchmarkRepair is default with and without the rules of package repair,
// on text that needs no repair (benchText) and on the same text with every
// other line turned into mojibake (UTF-8 read as Windows-1256 or -1252).
func BenchmarkRepair(b *testing.B) {
	with := Default.With(Mojibake, HTMLEntities)
	damaged := mojibakeOf(benchText)
	for _, c := range []struct {
		name string
		p    Profile
		text string
	}{
		{"clean/default", Default, benchText},
		{"clean/default+mojibake+html-entities", with, benchText},
		{"damaged/default+mojibake+html-entities", with, damaged},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				_ = c.p.Apply(c.text)
			}
		})
	}
}

// mojibakeOf damages every other line of s: its UTF-8 bytes decoded as
// Windows-1256 (lines with Arabic script) or Windows-1252.
func mojibakeOf(s string) string {
	lines := strings.SplitAfter(s, "\n")
	for i := 0; i < len(lines); i += 2 {
		cm := charmap.Windows1252
		if strings.ContainsFunc(lines[i], func(r rune) bool { return r >= 0x600 && r <= 0x6FF }) {
			cm = charmap.Windows1256
		}
		if d, err := cm.NewDecoder().String(lines[i]); err == nil {
			lines[i] = d
		}
	}
	return strings.Join(lines, "")
}
