package benchtext

// The text the documents are made of, composed for the benchmarks: news
// sentences and short phrases in each language. It is not an evaluation
// set (its languages are not checked against anything); it only has to be
// text of the right scripts and shapes for detectors to work on.

type lang struct {
	code      string
	spaced    bool // words separated by spaces (not Chinese, Japanese)
	sentences []string
	phrases   []string // of one to five words
}

var langs = []lang{
	{code: "en", spaced: true, sentences: []string{
		"The city council met on Tuesday to discuss the new budget for schools and public transport.",
		"Officials said the project would take at least three years to complete.",
		"Many residents have complained about the rising cost of rent and electricity.",
		"The festival attracted visitors from across the region, despite the heavy rain.",
		"Researchers at the university published a study on the effects of air pollution on children.",
		"The company plans to open two new factories and hire several hundred workers.",
		"Local farmers say the dry summer has reduced their harvest by almost half.",
		"The minister told reporters that talks with the neighbouring countries would continue next week.",
		"Tickets for the concert sold out within an hour of going on sale.",
		"Doctors recommend drinking plenty of water and staying indoors during the afternoon.",
	}, phrases: []string{
		"breaking news", "Kabul talks resume today", "weather forecast", "thank you very much", "new phone case",
		"free shipping", "open now", "city council meeting", "read more", "best price guaranteed",
	}},
	{code: "ar", spaced: true, sentences: []string{
		"أعلنت وزارة الصحة عن افتتاح مستشفى جديد في العاصمة خلال الشهر المقبل.",
		"قال المتحدث باسم الحكومة إن المفاوضات ستستمر حتى التوصل إلى اتفاق.",
		"ارتفعت أسعار المواد الغذائية بشكل ملحوظ في الأسواق المحلية هذا الأسبوع.",
		"شارك آلاف الطلاب في المعرض الدولي للكتاب الذي أقيم في المدينة.",
		"توقعت الأرصاد الجوية هطول أمطار غزيرة على المناطق الشمالية.",
		"أكد المدرب أن الفريق مستعد جيدا للمباراة النهائية.",
	}, phrases: []string{
		"مرحبا بكم", "شكرا جزيلا", "السلام عليكم", "وزارة الخارجية", "الأمم المتحدة",
		"كأس العالم", "أهلا وسهلا", "مجلس الأمن الدولي", "الطقس اليوم", "إن شاء الله",
	}},
	{code: "ur", spaced: true, sentences: []string{
		"وزیر اعظم نے کہا کہ حکومت مہنگائی کم کرنے کے لیے نئے اقدامات کرے گی۔",
		"لاہور میں آج صبح سے شدید بارش ہو رہی ہے اور کئی سڑکیں پانی میں ڈوب گئی ہیں۔",
		"پاکستانی ٹیم نے دوسرے میچ میں شاندار کارکردگی کا مظاہرہ کیا۔",
		"ماہرین کا کہنا ہے کہ بچوں کو روزانہ کم از کم ایک گھنٹہ کھیلنا چاہیے۔",
		"شہر کے بازاروں میں عید کی خریداری کے لیے لوگوں کا رش ہے۔",
		"اس کتاب میں اردو شاعری کی تاریخ کو آسان زبان میں بیان کیا گیا ہے۔",
	}, phrases: []string{
		"بہت شکریہ", "آپ کیسے ہیں", "خوش آمدید", "بہت اچھا", "پاکستان زندہ باد",
		"میرا نام", "کیا حال ہے", "اردو زبان", "کرکٹ ورلڈ کپ", "مجھے نہیں معلوم",
	}},
	{code: "fa", spaced: true, sentences: []string{
		"وزیر آموزش و پرورش اعلام کرد که مدارس از هفته آینده بازگشایی می‌شوند.",
		"قیمت طلا و سکه در بازار تهران امروز کاهش یافت.",
		"این فیلم در جشنواره بین‌المللی برلین جایزه بهترین کارگردانی را گرفت.",
		"کارشناسان هشدار می‌دهند که کمبود آب در تابستان امسال جدی‌تر خواهد شد.",
		"بسیاری از خانواده‌ها برای تعطیلات نوروز به شمال کشور سفر می‌کنند.",
		"کتابخانه ملی مجموعه‌ای از نسخه‌های خطی قدیمی را به نمایش گذاشت.",
	}, phrases: []string{
		"خیلی ممنون", "خوش آمدید", "سال نو مبارک", "دانشگاه تهران", "حال شما چطور است",
		"زن زندگی آزادی", "شب یلدا", "کتاب‌فروشی", "به امید دیدار", "هوای تازه",
	}},
	{code: "ru", spaced: true, sentences: []string{
		"Правительство объявило о новой программе поддержки малого бизнеса.",
		"В Москве на выходных ожидается сильный снегопад и понижение температуры.",
		"Учёные обнаружили в Сибири останки древнего животного.",
		"Выставка современного искусства продлится до конца марта.",
		"Цены на бензин выросли уже третий месяц подряд.",
		"Команда одержала уверенную победу в финальном матче сезона.",
	}, phrases: []string{
		"спасибо большое", "добро пожаловать", "доброе утро", "Красная площадь", "с Новым годом",
		"как дела", "Война и мир", "до свидания", "русский язык", "всё хорошо",
	}},
	{code: "zh", sentences: []string{
		"国家统计局今天发布了上个月的经济数据。",
		"北京的地铁新线路将于明年年底开通运营。",
		"这家公司计划在海外建设三座新的工厂。",
		"专家建议市民在高温天气减少户外活动。",
		"今年的春节假期，全国旅游人数创下新高。",
		"这部电影讲述了一个普通家庭的奋斗故事。",
	}, phrases: []string{
		"谢谢你", "你好", "中华人民共和国", "欢迎光临", "新年快乐",
		"人工智能", "北京大学", "一带一路", "没问题", "上海市政府",
	}},
	{code: "ja", sentences: []string{
		"東京の桜は今年も三月の終わりに咲き始めました。",
		"新しい駅ビルには、たくさんのレストランとお店が入っています。",
		"気象庁によると、週末は全国的に雨が降る見込みです。",
		"このアニメは海外でも大きな人気を集めています。",
		"私は毎朝コーヒーを飲みながら新聞を読みます。",
		"政府は来年度から子育て支援を拡充する方針を示した。",
	}, phrases: []string{
		"ありがとうございます", "こんにちは", "いただきます", "東京タワー", "お疲れ様です",
		"よろしくお願いします", "ラーメン屋", "新幹線で行く", "さようなら", "日本語の本",
	}},
	{code: "hi", spaced: true, sentences: []string{
		"भारत सरकार ने किसानों के लिए नई योजना की घोषणा की है।",
		"दिल्ली में आज सुबह से घना कोहरा छाया हुआ है।",
		"भारतीय टीम ने पहले टेस्ट मैच में शानदार जीत दर्ज की।",
		"विशेषज्ञों का कहना है कि बच्चों को रोज़ कम से कम एक घंटा खेलना चाहिए।",
		"इस साल दिवाली पर बाज़ारों में भारी भीड़ देखी गई।",
		"यह किताब हिंदी साहित्य के इतिहास को सरल भाषा में बताती है।",
	}, phrases: []string{
		"नमस्ते", "बहुत धन्यवाद", "आप कैसे हैं", "भारत माता की जय", "बहुत अच्छा",
		"आपका स्वागत है", "हिंदी भाषा", "नई दिल्ली", "शुभ दीपावली", "मेरा नाम",
	}},
	{code: "fr", spaced: true, sentences: []string{
		"Le gouvernement a présenté mercredi un nouveau plan pour les transports publics.",
		"Les habitants du quartier se plaignent du bruit des travaux depuis des mois.",
		"Le festival de cinéma a accueilli plus de cent mille spectateurs cette année.",
		"Selon les chercheurs, la température moyenne a augmenté de deux degrés.",
		"La boulangerie du coin vend les meilleurs croissants de la ville.",
		"Les négociations entre les syndicats et la direction reprendront lundi.",
	}, phrases: []string{
		"merci beaucoup", "bonjour à tous", "c'est la vie", "liberté, égalité, fraternité", "bon appétit",
		"joyeux anniversaire", "à bientôt", "la tour Eiffel", "je ne sais pas", "croissant au beurre",
	}},
	{code: "de", spaced: true, sentences: []string{
		"Die Bundesregierung hat am Mittwoch ein neues Klimaschutzgesetz beschlossen.",
		"In vielen Städten steigen die Mieten schneller als die Löhne.",
		"Der Verein gewann das Spiel am Samstag mit drei zu eins.",
		"Nach Angaben der Polizei wurde bei dem Unfall niemand schwer verletzt.",
		"Die Ausstellung im Museum ist noch bis Ende Oktober zu sehen.",
		"Viele Familien verbringen ihren Urlaub an der Ostsee.",
	}, phrases: []string{
		"vielen Dank", "guten Morgen", "Fahrrad mit Stützrädern", "herzlich willkommen", "der Kindergarten",
		"auf Wiedersehen", "Frohe Weihnachten", "die Schadenfreude", "alles klar", "die Bundesliga",
	}},
}

// inline frames an English sentence around a phrase of another language.
var inline = []string{
	"The banner read “%s” in large letters.",
	"A local shopkeeper, who gave only his first name, said: “%s”.",
	"The word for it in the region is %s, which roughly means the same thing.",
	"Her latest book, %s, will be translated into English next year.",
	"Graffiti on the wall said %s, and nobody knew who had written it.",
	"The menu offered %s alongside the usual dishes.",
	"“%s,” the crowd shouted as the team arrived at the airport.",
}
