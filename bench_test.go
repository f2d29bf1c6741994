package textnorm

import (
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/pemistahl/lingua-go"

	"github.com/textnorm/textnorm/detect"
)

// newsParagraphs are news-like Persian and English paragraphs in the shape
// of the pages users feed textnorm: English articles with Persian captions
// and Persian articles with English names and a short Arabic quotation.
var newsParagraphs = []string{
	"The central bank raised its main interest rate by half a point on Wednesday, saying that prices for food and rent were still rising faster than wages.",
	"تصویر آرشیوی از بازار بزرگ تهران",
	"Shopkeepers in the old market said that customers were buying less than a year ago and that many families had stopped buying meat altogether.",
	"بانک مرکزی روز چهارشنبه نرخ بهره را نیم درصد افزایش داد و اعلام کرد که قیمت مواد غذایی و اجاره‌بها همچنان سریع‌تر از دستمزدها بالا می‌رود.",
	"کارشناسان می‌گویند این تصمیم به تنهایی نمی‌تواند تورم را مهار کند و دولت باید هزینه‌های خود را کاهش دهد.",
	"Analysts at Reuters and Bloomberg expect another increase before the end of the year.",
	"به گفته یکی از فروشندگان، «مردم دیگر توان خرید ندارند» و بسیاری از مغازه‌ها تا ظهر مشتری ندارند.",
	"وزیر اقتصاد در نشست خبری با اشاره به آیه «إِنَّ مَعَ الْعُسْرِ يُسْرًا» گفت که دولت برای حمایت از خانواده‌های کم‌درآمد برنامه تازه‌ای دارد.",
	"Officials said the new support package would reach about four million households by the spring.",
	"عکس: خبرگزاری ایسنا",
}

var (
	benchOnce sync.Once
	benchDoc  string // at least 5 MB
)

func benchText(b *testing.B) string {
	benchOnce.Do(func() {
		var sb strings.Builder
		for i := 0; sb.Len() < 5<<20; i++ {
			// Number the paragraphs so that no two are the same text
			// and no answer is remembered from one to the next.
			p := newsParagraphs[i%len(newsParagraphs)]
			sb.WriteString(p)
			sb.WriteString(" (")
			sb.WriteString(strconv.Itoa(i))
			sb.WriteString(")\n\n")
		}
		benchDoc = sb.String()
	})
	return benchDoc
}

// BenchmarkTag tags 5 MB of Persian/English news text, split into
// documents of about 64 KB as a crawler would feed them.
func BenchmarkTag(b *testing.B) {
	doc := benchText(b)
	docs := splitDocs(doc, 64<<10)
	t, err := NewTagger(TagOptions{})
	if err != nil {
		b.Fatal(err)
	}
	t.Tag(docs[0]) // load the models outside the timing
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			t.Tag(d)
		}
	}
}

// BenchmarkSegments is BenchmarkTag without normalization.
func BenchmarkSegments(b *testing.B) {
	doc := benchText(b)
	docs := splitDocs(doc, 64<<10)
	d, err := detect.NewDetector(detect.Options{})
	if err != nil {
		b.Fatal(err)
	}
	d.Segments(docs[0])
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for b.Loop() {
		for _, x := range docs {
			d.Segments(x)
		}
	}
}

// BenchmarkLinguaPerLine is the baseline: lingua-go used directly, with
// all its languages, DetectLanguageOf on every line. It runs on the first
// 256 KB of the same text, since it is slow; MB/s is comparable.
func BenchmarkLinguaPerLine(b *testing.B) {
	doc := benchText(b)[:256<<10]
	det := lingua.NewLanguageDetectorBuilder().FromAllLanguages().Build()
	det.DetectLanguageOf(newsParagraphs[0])
	lines := strings.Split(doc, "\n")
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for b.Loop() {
		for _, l := range lines {
			if l != "" {
				det.DetectLanguageOf(l)
			}
		}
	}
}

// splitDocs cuts text into documents of about size bytes at paragraph
// breaks.
func splitDocs(text string, size int) []string {
	var docs []string
	for len(text) > size {
		i := strings.Index(text[size:], "\n\n")
		if i < 0 {
			break
		}
		docs = append(docs, text[:size+i+2])
		text = text[size+i+2:]
	}
	if text != "" {
		docs = append(docs, text)
	}
	return docs
}

// BenchmarkTagOneDocument tags the 5 MB text as one document, as
// "textnorm tag FILE" does.
func BenchmarkTagOneDocument(b *testing.B) {
	doc := benchText(b)
	t, err := NewTagger(TagOptions{})
	if err != nil {
		b.Fatal(err)
	}
	t.Tag(newsParagraphs[0] + "\n" + newsParagraphs[1])
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for b.Loop() {
		t.Tag(doc)
	}
}
