package language

//go:generate go run gen_words.go

import "github.com/textnorm/textnorm/script"

// Scripts shared by many rows.
var (
	arab = []script.Script{script.Arabic}
	latn = []script.Script{script.Latin}
	cyrl = []script.Script{script.Cyrillic}
	deva = []script.Script{script.Devanagari}
)

// otherArabicLetters are the letters of Urdu, Pashto, Sorani, Uyghur and
// Sindhi that neither Persian nor Arabic writes: a word that holds one
// tells against both, as Tajik's missing letters tell against it in
// Cyrillic. Sorani's ە, Sindhi's ڪ and Pashto's ښ left Persian's n-grams
// a line in the set's building part to themselves.
const otherArabicLetters = "ٹڈڑںےټډړږښځڅګڼۍېڕڵێەۆڤۇۈۋٻڀٺٽٿڃڄڇڊڌڍڏڙڦڪڱڳڻ"

// table is the registry: every language textnorm can tag, one row each.
// A row's Profile, when left out, is "default".
//
// The rows of a script are in the order ForScript gives them, which is the
// order the language identifier weighs them in: keep it when adding a row
// (the Latin, Cyrillic and Devanagari rows are in lingua-go's order, by
// English name, which internal/langid's TestRegistryMatchesLingua checks).
//
// Aliases are lower case: ISO 639-3 codes, ISO 639-2/B codes where they
// differ, codes of varieties textnorm does not tell apart, and common names
// other than the English Name.
var table = []Language{
	// The Arabic script: Persian (with Dari), Arabic, Urdu and Pashto, told
	// apart by the evidence below and then by statistics (n-grams and
	// lingua-go, which know no Pashto).
	//
	// The weights are log-likelihood bonuses in nats. Letter evidence
	// counts each letter at most once per word, so a long word full of one
	// letter does not outweigh a function word. Frequent function words are
	// the strongest evidence a sentence has: +1.5 to +2.5 for a word of one
	// language; words two languages share give both a smaller bonus
	// (Persian او "he" and Pashto او "and"; Persian ما "we" and Arabic ما
	// "what"; Persian and Arabic بین، بعد).
	//
	// Letters of Persian, Urdu and Pashto that Arabic lacks (پ چ ژ گ ک ی)
	// give +1.2 to each of the three: Arabic loanword spelling and Iranian
	// keyboards put a few of them in Arabic text, so they are strong but not
	// decisive. Pashto writes ګ for گ, so گ gives Pashto less.
	//
	// The priors (0.38, 0.29, 0.2, 0.1, and 0.01 for each of Sorani,
	// Uyghur and Sindhi below) are how a two-word Arabic-script
	// caption on an English page is decided when its own letters do not:
	// Persian first, the pages textnorm is made for.
	{
		Code: "fa", Name: "Persian", Scripts: arab, Profile: "fa", Prior: 0.38,
		Aliases: []string{"fas", "per", "pes", "prs", "farsi", "dari"},
		Evidence: &Evidence{
			Letters: []Letters{
				{1.2, "پچژگکی"}, // shared with ur and ps, not ar
				{2, "ۀ"},        // heh with yeh above, the Persian ezafe
				{-2, otherArabicLetters},
			},
			Words: []Words{
				{2.5, "است را"},
				{2, "می نمی برای"},
				{1.5, "که این آن های از در بود شده کند دارد گفت نیز اند کنند شود"},
				{1.2, "با به شد کرد خود باید ایم"},
				{1, "ها یک اما تا همه وی چه"},
				{0.8, "هر بر او من حتی"},
				{0.5, "ای هم ما بین بعد الی علی نه تو"},
				// Words of Urdu and Pashto that Persian writes too.
				{0.3, "پر ایک دی تر ده"},
				{0.2, "له کی اور شوی سره"},
			},
			Affixes: []Affix{
				// The verb prefix می‌/نمی‌ joined by ZWNJ.
				{Kind: ZWNJPrefix, Weight: 1.5, Forms: "می نمی"},
				// Plural, ezafe and personal endings joined by ZWNJ.
				{Kind: ZWNJSuffix, Weight: 1.2, Forms: "ها های ای ام اش ایم اید اند تر ترین"},
				// Any other ZWNJ inside a word: Persian, a little Urdu
				// and Pashto; Arabic never uses ZWNJ.
				{Kind: ZWNJOther, Weight: 0.8},
			},
		},
	},
	{
		Code: "ar", Name: "Arabic", Scripts: arab, Profile: "ar", Prior: 0.29,
		Aliases: []string{"ara", "arb"},
		Evidence: &Evidence{
			Letters: []Letters{
				// Teh marbuta: Persian and Urdu keep it only in a few
				// loanwords.
				{2, "ة"},
				// Alef maksura: Persian typed on Arabic keyboards shows
				// it too.
				{1, "ى"},
				// Arabic yeh and kaf: Persian and Urdu are very often
				// typed with them (mis-keyed text), so they must never
				// decide alone.
				{0.4, "يك"},
				// Hamza on alef: Persian and Urdu write them rarely.
				{0.5, "أإ"},
				{-2, otherArabicLetters},
			},
			// Arabic words keep their hamza (أن، إلى): folding it would
			// merge them with Persian words.
			Words: []Words{
				{2, "في إلى التي الذي الذين هذا هذه ذلك تلك كانت منذ لقد إلا"},
				{1.5, "أن إن عن مع كان لم لن أو ثم قال هو هي عند فيه أي بها حيث لكن"},
				{1.2, "قد لا"},
				{1, "من حتى الى على عليه كل"},
				// Words Persian writes too.
				{0.5, "ما بين بعد له"},
				{0.3, "اين اما"},
			},
			Affixes: []Affix{
				// The article with a proclitic (و، ب، ف، ك، ل), which
				// Persian lacks.
				{Kind: Prefix, Weight: 1.2, Forms: "وال بال فال كال لل", MinLen: 5},
				// The article alone: Persian has common words starting
				// with ال too (البته، الان).
				{Kind: Prefix, Weight: 0.6, Forms: "ال", MinLen: 4},
			},
		},
	},
	{
		Code: "ur", Name: "Urdu", Scripts: arab, Profile: "ur", Prior: 0.2,
		Aliases: []string{"urd"},
		Evidence: &Evidence{
			// Almost every Urdu sentence has ے or ں. ھ, which Sindhi,
			// Sorani and Uyghur write too, is not Urdu's own.
			Own: Letters{3, "ٹڈڑںےہ"},
			// About two Urdu words in three hold one of Urdu's own
			// letters, while Persian and Arabic words never do: a word
			// with none is evidence against Urdu, ln(1/3) ≈ -1.0.
			NoOwn: -1.0,
			Letters: []Letters{
				{1.2, "پچژگکی"}, // shared with fa and ps, not ar
				{1.5, "ھ"},      // shared with sd, ckb and ug
			},
			Words: []Words{
				{2, "کے میں ہے ہیں اور سے نے تھا بھی لیے"},
				{1.5, "کی کو یہ وہ کیا ایک"},
				{1, "کہ پر گیا جو کر"},
				{0.5, "تو"},
				{0.3, "که تا"}, // Persian spellings
			},
			Affixes: []Affix{{Kind: ZWNJOther, Weight: 0.2}},
		},
	},
	{
		Code: "ps", Name: "Pashto", Scripts: arab, Profile: "ps", Prior: 0.1,
		Aliases: []string{"pus", "pbt", "pbu", "pst", "pushto"},
		Evidence: &Evidence{
			// Almost every Pashto sentence has several; Persian, Arabic
			// and Urdu have none.
			Own: Letters{3, "ټډړږښځڅګڼۍ"},
			// About one Pashto word in four holds one of Pashto's own
			// letters: a word with none is evidence against Pashto,
			// ln(3/4) ≈ -0.3.
			NoOwn: -0.3,
			Letters: []Letters{
				{1.2, "پچژکی"}, // shared with fa and ur, not ar
				{2, "ې"},       // shared with ug
				{0.4, "گ"},     // Pashto writes ګ
			},
			Words: []Words{
				{2.5, "د په"},
				{2, "چې دې کې یې کړی لپاره دغه هغه"},
				{1.5, "له ته شوی دی سره دا کوی یو دوی"},
				{1, "که او وی وو شو ده"},
				{0.8, "به پر تر کال"},
				{0.5, "هم نه"},
				{0.3, "چه"},
			},
			Affixes: []Affix{{Kind: ZWNJOther, Weight: 0.2}},
		},
	},

	// Languages of the Arabic script that lingua-go has no model of:
	// recognized by their own letters and function words (generated by
	// gen_words.go from testdata/langeval's building part), with a
	// neutral statistical score. Each writes letters that Persian, Arabic,
	// Urdu and Pashto do not, in almost every word: the absence of its own
	// letters in a word is evidence against it (NoOwn, ln of the share of
	// words without them in the building part, rounded). Their priors are
	// small: a caption without their letters is not theirs.
	{
		Code: "ckb", Name: "Sorani Kurdish", Scripts: arab, Prior: 0.01,
		Aliases: []string{"sorani", "central kurdish", "kurdish sorani"},
		Evidence: &Evidence{
			// Sorani writes its vowels: ە in most words, ێ and ۆ often;
			// ڕ and ڵ are its own.
			Own:   Letters{3, "ڕڵێ"},
			NoOwn: -0.4,
			Letters: []Letters{
				{2, "ەۆ"}, // shared with ug
				{1, "ڤ"},
				{1.5, "ھ"}, // shared with ur, sd and ug
				{0.6, "پچژگکی"},
			},
		},
	},
	{
		Code: "ug", Name: "Uyghur", Scripts: arab, Prior: 0.01,
		Aliases: []string{"uig", "uighur", "uygur"},
		Evidence: &Evidence{
			// Uyghur writes every vowel: ۇ ۈ and ۋ ڭ are its own, ې
			// (Pashto's too), ە and ۆ (Sorani's too) are common, and a
			// word starting with a vowel starts with ئ.
			Own:   Letters{3, "ۇۈۋڭ"},
			NoOwn: -0.5,
			Letters: []Letters{
				{2, "ېەۆ"},
				{1.5, "ھ"},
				{1, "ئ"},
				{0.6, "پچژگکی"},
			},
		},
	},
	{
		Code: "sd", Name: "Sindhi", Scripts: arab, Prior: 0.01,
		Aliases: []string{"snd"},
		Evidence: &Evidence{
			// Sindhi's implosives, retroflexes and aspirates have letters
			// of their own (ڪ for k most of all), where Urdu writes ٹ ڈ
			// ڑ and ک.
			Own:   Letters{3, "ٻڀٺٽڃڄڇڊڌڍڏڙڦڪڱڳڻ"},
			NoOwn: -0.5,
			Letters: []Letters{
				{1.5, "ھ"},
				// Half of Sindhi's words hold Arabic yeh, which Persian,
				// Urdu and Sorani write as ی (unless mis-keyed).
				{1.5, "ي"},
				{0.6, "پچژگی"},
			},
		},
	},

	// Han: Chinese or Japanese, decided by the document (a page that shows
	// kana is Japanese).
	{Code: "zh", Name: "Chinese", Aliases: []string{"zho", "chi", "cmn"}, Scripts: []script.Script{script.Han, script.Bopomofo}},
	{Code: "ja", Name: "Japanese", Aliases: []string{"jpn"}, Scripts: []script.Script{script.Han, script.Hiragana, script.Katakana, script.Japanese}},

	// Scripts of (practically) one language.
	{Code: "ko", Name: "Korean", Aliases: []string{"kor"}, Scripts: []script.Script{script.Hangul, script.Korean}},
	{Code: "el", Name: "Greek", Aliases: []string{"ell", "gre"}, Scripts: []script.Script{script.Greek}},
	{Code: "th", Name: "Thai", Aliases: []string{"tha"}, Scripts: []script.Script{script.Thai}},
	{Code: "he", Name: "Hebrew", Aliases: []string{"heb", "iw"}, Scripts: []script.Script{script.Hebrew}},
	{Code: "hy", Name: "Armenian", Aliases: []string{"hye", "arm"}, Scripts: []script.Script{script.Armenian}},
	{Code: "ka", Name: "Georgian", Aliases: []string{"kat", "geo"}, Scripts: []script.Script{script.Georgian}},
	{Code: "gu", Name: "Gujarati", Aliases: []string{"guj"}, Scripts: []script.Script{script.Gujarati}},
	{Code: "pa", Name: "Punjabi", Aliases: []string{"pan", "panjabi"}, Scripts: []script.Script{script.Gurmukhi}},
	{Code: "bn", Name: "Bengali", Aliases: []string{"ben", "bangla"}, Scripts: []script.Script{script.Bengali}},
	{Code: "ta", Name: "Tamil", Aliases: []string{"tam"}, Scripts: []script.Script{script.Tamil}},
	{Code: "te", Name: "Telugu", Aliases: []string{"tel"}, Scripts: []script.Script{script.Telugu}},
	{Code: "kn", Name: "Kannada", Aliases: []string{"kan"}, Scripts: []script.Script{script.Kannada}},
	{Code: "ml", Name: "Malayalam", Aliases: []string{"mal"}, Scripts: []script.Script{script.Malayalam}},
	{Code: "or", Name: "Odia", Aliases: []string{"ori", "ory", "oriya"}, Scripts: []script.Script{script.Oriya}},
	{Code: "si", Name: "Sinhala", Aliases: []string{"sin", "sinhalese"}, Scripts: []script.Script{script.Sinhala}},
	{Code: "km", Name: "Khmer", Aliases: []string{"khm"}, Scripts: []script.Script{script.Khmer}},
	{Code: "lo", Name: "Lao", Scripts: []script.Script{script.Lao}},
	{Code: "bo", Name: "Tibetan", Aliases: []string{"bod", "tib"}, Scripts: []script.Script{script.Tibetan}},
	{Code: "dv", Name: "Dhivehi", Aliases: []string{"div", "maldivian"}, Scripts: []script.Script{script.Thaana}},

	// The Latin script: lingua-go's languages, by English name as lingua
	// lists them. A letter few other languages of the script write gives
	// its languages 1 nat, once per word, on top of the n-grams (which
	// have them in their unigrams): for the short texts whose n-grams say
	// little, with the function words of gen_words.go. English is the default: a brand name in Latin letters
	// inside Persian text is far more often English than Tswana.
	{Code: "af", Name: "Afrikaans", Aliases: []string{"afr"}, Scripts: latn},
	{Code: "sq", Name: "Albanian", Aliases: []string{"sqi", "alb"}, Scripts: latn},
	{Code: "az", Name: "Azerbaijani", Aliases: []string{"aze"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "əğış"}}}},
	{Code: "eu", Name: "Basque", Aliases: []string{"eus", "baq"}, Scripts: latn},
	{Code: "nb", Name: "Norwegian Bokmål", Aliases: []string{"nob", "no", "nor", "bokmal", "bokmål", "norwegian"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "æøå"}}}},
	{Code: "bs", Name: "Bosnian", Aliases: []string{"bos"}, Scripts: latn},
	{Code: "ca", Name: "Catalan", Aliases: []string{"cat"}, Scripts: latn},
	{Code: "hr", Name: "Croatian", Aliases: []string{"hrv"}, Scripts: latn},
	{Code: "cs", Name: "Czech", Aliases: []string{"ces", "cze"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "řůě"}}}},
	{Code: "da", Name: "Danish", Aliases: []string{"dan"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "æøå"}}}},
	{Code: "nl", Name: "Dutch", Aliases: []string{"nld", "dut", "flemish"}, Scripts: latn},
	{Code: "en", Name: "English", Aliases: []string{"eng"}, Scripts: latn, Prior: 1},
	{Code: "eo", Name: "Esperanto", Aliases: []string{"epo"}, Scripts: latn},
	{Code: "et", Name: "Estonian", Aliases: []string{"est"}, Scripts: latn},
	{Code: "fi", Name: "Finnish", Aliases: []string{"fin"}, Scripts: latn},
	{Code: "fr", Name: "French", Aliases: []string{"fra", "fre"}, Scripts: latn},
	{Code: "lg", Name: "Ganda", Aliases: []string{"lug", "luganda"}, Scripts: latn},
	{Code: "de", Name: "German", Aliases: []string{"deu", "ger"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "ß"}}}},
	{Code: "hu", Name: "Hungarian", Aliases: []string{"hun"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "őű"}}}},
	{Code: "is", Name: "Icelandic", Aliases: []string{"isl", "ice"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "þðæ"}}}},
	{Code: "id", Name: "Indonesian", Aliases: []string{"ind"}, Scripts: latn},
	{Code: "ga", Name: "Irish", Aliases: []string{"gle"}, Scripts: latn},
	{Code: "it", Name: "Italian", Aliases: []string{"ita"}, Scripts: latn},
	// Latin is opt-in: its statistics would otherwise claim short spans of
	// many Latin-script languages.
	{Code: "la", Name: "Latin", Aliases: []string{"lat"}, Scripts: latn, OptIn: true},
	{Code: "lv", Name: "Latvian", Aliases: []string{"lav"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "āēīūķļņģ"}}}},
	{Code: "lt", Name: "Lithuanian", Aliases: []string{"lit"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "ąčęėįšųūž"}}}},
	{Code: "ms", Name: "Malay", Aliases: []string{"msa", "may", "zsm"}, Scripts: latn},
	{Code: "mi", Name: "Maori", Aliases: []string{"mri", "mao", "māori"}, Scripts: latn},
	{Code: "nn", Name: "Norwegian Nynorsk", Aliases: []string{"nno", "nynorsk"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "æøå"}}}},
	{Code: "pl", Name: "Polish", Aliases: []string{"pol"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "ąćęłńśźż"}}}},
	{Code: "pt", Name: "Portuguese", Aliases: []string{"por"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "ãõ"}}}},
	{Code: "ro", Name: "Romanian", Aliases: []string{"ron", "rum", "moldavian"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "ăâîșț"}}}},
	{Code: "sn", Name: "Shona", Aliases: []string{"sna"}, Scripts: latn},
	{Code: "sk", Name: "Slovak", Aliases: []string{"slk", "slo"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "ľĺŕô"}}}},
	{Code: "sl", Name: "Slovenian", Aliases: []string{"slv", "slovene"}, Scripts: latn},
	{Code: "so", Name: "Somali", Aliases: []string{"som"}, Scripts: latn},
	{Code: "st", Name: "Sotho", Aliases: []string{"sot", "sesotho"}, Scripts: latn},
	{Code: "es", Name: "Spanish", Aliases: []string{"spa", "castilian"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "ñ¿¡"}}}},
	{Code: "sw", Name: "Swahili", Aliases: []string{"swa", "swh", "kiswahili"}, Scripts: latn},
	{Code: "sv", Name: "Swedish", Aliases: []string{"swe"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "åäö"}}}},
	{Code: "tl", Name: "Tagalog", Aliases: []string{"tgl", "fil", "filipino"}, Scripts: latn},
	{Code: "ts", Name: "Tsonga", Aliases: []string{"tso"}, Scripts: latn},
	{Code: "tn", Name: "Tswana", Aliases: []string{"tsn", "setswana"}, Scripts: latn},
	{Code: "tr", Name: "Turkish", Aliases: []string{"tur"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "ğış"}}}},
	{Code: "vi", Name: "Vietnamese", Aliases: []string{"vie"}, Scripts: latn, Evidence: &Evidence{Letters: []Letters{{1, "ăâđêôơư"}}}},
	{Code: "cy", Name: "Welsh", Aliases: []string{"cym", "wel"}, Scripts: latn},
	{Code: "xh", Name: "Xhosa", Aliases: []string{"xho"}, Scripts: latn},
	{Code: "yo", Name: "Yoruba", Aliases: []string{"yor"}, Scripts: latn},
	{Code: "zu", Name: "Zulu", Aliases: []string{"zul"}, Scripts: latn},

	// The Cyrillic script: lingua-go's languages. Russian is the default.
	{Code: "be", Name: "Belarusian", Aliases: []string{"bel"}, Scripts: cyrl, Evidence: &Evidence{Letters: []Letters{{1, "ў"}}}},
	{Code: "bg", Name: "Bulgarian", Aliases: []string{"bul"}, Scripts: cyrl},
	{Code: "kk", Name: "Kazakh", Aliases: []string{"kaz"}, Scripts: cyrl, Evidence: &Evidence{Letters: []Letters{{1, "әңөұүһ"}}}},
	{Code: "mk", Name: "Macedonian", Aliases: []string{"mkd", "mac"}, Scripts: cyrl, Evidence: &Evidence{Letters: []Letters{{1, "ѓќѕјљњ"}}}},
	{Code: "mn", Name: "Mongolian", Aliases: []string{"mon"}, Scripts: cyrl},
	{Code: "ru", Name: "Russian", Aliases: []string{"rus"}, Scripts: cyrl, Prior: 1},
	{Code: "sr", Name: "Serbian", Aliases: []string{"srp"}, Scripts: cyrl, Evidence: &Evidence{Letters: []Letters{{1, "ђћџјљњ"}}}},
	// Tajik (Persian in Cyrillic letters), which lingua-go has no model
	// of: recognized by its own letters, which Russian and the other
	// languages of the script lack, and its function words (gen_words.go),
	// weighed against the statistics of its nearest modelled neighbour.
	{
		Code: "tg", Name: "Tajik", Aliases: []string{"tgk", "tajiki"}, Scripts: cyrl,
		Evidence: &Evidence{
			Own: Letters{3, "ҷӣӯ"},
			Letters: []Letters{
				{1.5, "ҳқғ"}, // shared with kk (қ ғ)
				// Tajik's alphabet lacks the letters of Kazakh,
				// Belarusian, Ukrainian, Serbian and Macedonian, and
				// writes ы щ ц ь only in Russian loanwords.
				{-3, "әңөұүһіўєїґђћџљњјѕ"},
				{-2, "ыщць"},
			},
		},
	},
	{Code: "uk", Name: "Ukrainian", Aliases: []string{"ukr"}, Scripts: cyrl, Evidence: &Evidence{Letters: []Letters{{1, "ґєії"}}}},

	// The Devanagari script: lingua-go's languages.
	{Code: "hi", Name: "Hindi", Aliases: []string{"hin"}, Scripts: deva},
	// Marathi writes ळ, which Hindi does not.
	{Code: "mr", Name: "Marathi", Aliases: []string{"mar"}, Scripts: deva, Evidence: &Evidence{Letters: []Letters{{1.5, "ळ"}}}},
}
