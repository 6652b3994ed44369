import { CityExonyms, readCityTable } from './exonyms';

/**
 * What agencies writing in other scripts call the cities they file from: TASS and RIA (Russian),
 * Ukrinform and Interfax-Ukraine (Ukrainian), Xinhua and CNA (simplified and traditional Chinese),
 * Kyodo and Jiji (kanji, katakana for foreign cities), Yonhap (Hangul), QNA, WAM, SPA, KUNA and Petra
 * (Arabic, with Persian's تهران), PTI-Bhasha (Devanagari), ANA-MPA (Greek), and Hebrew for Israel.
 *
 * Same lines as exonyms.ts (`English name[=GeoNames name] CC: name, …`), but every name here is a
 * dateline name only: it places a story when an agency's dateline gives it ("МОСКВА, 7 декабря.
 * /ТАСС/.", "新华社北京12月7日电", "(서울=연합뉴스)"), and it beats any other reading there, since
 * in a dateline "عمان" is Amman (Petra), not Oman, and "الكويت" Kuwait City, not the country. In
 * running text these names are not looked for: CJK has no spaces to find them between, and several
 * are everyday words (대구 is also the cod, 선전 propaganda). Keys fold case, Greek accents, Arabic
 * and Hebrew points (see `nativeNameKey`), so "ΑΘΗΝΑ" is "Αθήνα" and "أبوظبي" "ابوظبي".
 */
const CITY_NATIVE_NAMES = `
Moscow RU: Москва, 莫斯科, モスクワ, 모스크바, موسكو, मॉस्को, मास्को, Μόσχα, מוסקבה
Saint Petersburg RU: Санкт-Петербург, Петербург, 圣彼得堡, 聖彼得堡, サンクトペテルブルク, 상트페테르부르크, سانت بطرسبرغ, Αγία Πετρούπολη
Novosibirsk RU: Новосибирск, 新西伯利亚
Yekaterinburg RU: Екатеринбург
Kazan RU: Казань
Nizhniy Novgorod RU: Нижний Новгород
Samara RU: Самара
Rostov-on-Don=Rostov-na-Donu RU: Ростов-на-Дону
Krasnodar RU: Краснодар
Sochi RU: Сочи
Kaliningrad RU: Калининград
Murmansk RU: Мурманск
Vladivostok RU: Владивосток, 符拉迪沃斯托克, ウラジオストク, 블라디보스토크
Kyiv UA: Киев, Київ, 基辅, 基輔, キーウ, キエフ, 키이우, 키예프, كييف, कीव, Κίεβο, קייב
Kharkiv UA: Харьков, Харків, 哈尔科夫, ハルキウ, 하르키우
Lviv UA: Львов, Львів, 利沃夫, リビウ
Odesa=Odessa UA: Одесса, Одеса, 敖德萨, オデーサ, オデッサ, 오데사
Dnipro UA: Днепр, Дніпро
Zaporizhzhia=Zaporizhia UA: Запорожье, Запоріжжя
Minsk BY: Минск, Мінськ, Мінск, 明斯克, ミンスク, 민스크
Astana=Nur-Sultan KZ: Астана, 阿斯塔纳
Almaty KZ: Алматы, Алмати, 阿拉木图
Tashkent UZ: Ташкент
Bishkek KG: Бишкек, Бішкек
Dushanbe TJ: Душанбе
Ashgabat TM: Ашхабад
Baku AZ: Баку
Tbilisi GE: Тбилиси, Тбілісі
Yerevan AM: Ереван, Єреван
Chisinau MD: Кишинёв, Кишинів
Beijing CN: Пекин, Пекін, 北京, 베이징, بكين, बीजिंग, Πεκίνο
Shanghai CN: Шанхай, 上海, 상하이, شنغهاي, शंघाई
Guangzhou CN: 广州, 廣州, 광저우
Shenzhen CN: 深圳
Tianjin CN: 天津
Chongqing CN: 重庆, 重慶
Wuhan CN: 武汉, 武漢
Chengdu CN: 成都
Nanjing CN: 南京
Hangzhou CN: 杭州
Harbin CN: 哈尔滨, 哈爾濱
Shenyang CN: 沈阳, 瀋陽
Lhasa CN: 拉萨, 拉薩
Hong Kong HK: Гонконг, 香港, 홍콩, هونغ كونغ
Macau MO: 澳门, 澳門
Taipei TW: 台北, 臺北, 타이베이
Kaohsiung TW: 高雄
Tokyo JP: Токио, 东京, 東京, 도쿄, طوكيو, टोक्यो, Τόκιο, טוקיו
Osaka JP: 大阪, 오사카
Kyoto JP: 京都
Yokohama JP: 横浜, 横滨
Nagoya JP: 名古屋
Sapporo JP: 札幌
Fukuoka JP: 福岡, 福冈
Hiroshima JP: 広島, 广岛, 廣島
Seoul KR: Сеул, 首尔, 首爾, ソウル, 서울, سيول, सियोल, Σεούλ, סיאול
Busan KR: 부산, 釜山
Incheon KR: 인천, 仁川
Daegu KR: 대구, 大邱
Gwangju KR: 광주, 光州
Daejeon KR: 대전, 大田
Ulsan KR: 울산, 蔚山
Suwon KR: 수원, 水原
Pyongyang KP: Пхеньян, 平壤, 平壌, ピョンヤン, 평양, بيونغ يانغ
Ulaanbaatar=Ulan Bator MN: Улан-Батор, 乌兰巴托, ウランバートル, 울란바토르
Bangkok TH: Бангкок, 曼谷, バンコク, 방콕
Hanoi VN: Ханой, 河内, ハノイ, 하노이
Ho Chi Minh City VN: 胡志明市, ホーチミン, 호찌민
Manila PH: Манила, 马尼拉, マニラ, 마닐라
Jakarta ID: Джакарта, 雅加达, ジャカルタ, 자카르타
Kuala Lumpur MY: 吉隆坡, クアラルンプール, 쿠알라룸푸르
Singapore SG: Сингапур, 新加坡, シンガポール, 싱가포르, سنغافورة, सिंगापुर, Σιγκαπούρη
Doha QA: Доха, الدوحة, 多哈, ドーハ, 도하, दोहा, Ντόχα, דוחה
Abu Dhabi AE: Абу-Даби, أبوظبي, أبو ظبي, 阿布扎比, アブダビ, 아부다비
Dubai AE: Дубай, دبي, 迪拜, 杜拜, ドバイ, 두바이, दुबई, Ντουμπάι, דובאי
Sharjah AE: الشارقة
Riyadh SA: Эр-Рияд, الرياض, 利雅得, リヤド, 리야드, रियाद, Ριάντ, ריאד
Jeddah SA: Джидда, جدة, 吉达, ジッダ, 제다
Mecca SA: مكة المكرمة, مكة, 麦加, メッカ
Medina SA: المدينة المنورة
Kuwait City KW: Эль-Кувейт, الكويت, 科威特城
Manama BH: Манама, المنامة, 麦纳麦
Muscat OM: Маскат, مسقط, 马斯喀特, マスカット, 무스카트
Sanaa YE: صنعاء
Cairo EG: Каир, القاهرة, 开罗, 開羅, カイロ, 카이로, काहिरा, Κάιρο, קהיר
Alexandria EG: الإسكندرية
Amman JO: Амман, عمان, 安曼, アンマン, 암만, עמאן
Beirut LB: Бейрут, بيروت, 贝鲁特, 貝魯特, ベイルート, 베이루트, बेरूत, Βηρυτός, ביירות
Damascus SY: Дамаск, دمشق, 大马士革, ダマスカス, 다마스쿠스, दमिश्क, Δαμασκός, דמשק
Baghdad IQ: Багдад, بغداد, 巴格达, バグダッド, 바그다드, बगदाद, Βαγδάτη, בגדאד
Tehran IR: Тегеран, طهران, تهران, 德黑兰, 德黑蘭, テヘラン, 테헤란, तेहरान, Τεχεράνη, טהרן
Ankara TR: Анкара, أنقرة, 安卡拉, アンカラ, 앙카라, अंकारा, Άγκυρα, אנקרה
Istanbul TR: Стамбул, إسطنبول, اسطنبول, 伊斯坦布尔, イスタンブール, 이스탄불, इस्तांबुल, Κωνσταντινούπολη, איסטנבול
Jerusalem IL: Иерусалим, القدس, 耶路撒冷, エルサレム, 예루살렘, यरुशलम, Ιερουσαλήμ, ירושלים
Tel Aviv IL: Тель-Авив, تل أبيب, 特拉维夫, テルアビブ, 텔아비브, तेल अवीव, Τελ Αβίβ, תל אביב
Haifa IL: Хайфа, حيفا, חיפה
Beersheba IL: באר שבע
Eilat IL: אילת
Ashdod IL: אשדוד
Netanya IL: נתניה
Gaza PS: غزة, 加沙, עזה
Ramallah PS: رام الله
Tunis TN: تونس
Algiers DZ: الجزائر
Rabat MA: الرباط
Casablanca MA: الدار البيضاء
Khartoum SD: الخرطوم
New Delhi IN: Нью-Дели, 新德里, ニューデリー, 뉴델리, نيودلهي, नई दिल्ली, नयी दिल्ली, Νέο Δελχί, ניו דלהי
Delhi IN: दिल्ली
Mumbai IN: Мумбаи, 孟买, ムンバイ, 뭄바이, مومباي, मुंबई
Kolkata IN: कोलकाता
Chennai IN: चेन्नई
Bengaluru IN: बेंगलुरु, बेंगलूरु
Hyderabad IN: हैदराबाद
Lucknow IN: लखनऊ
Jaipur IN: जयपुर
Patna IN: पटना
Bhopal IN: भोपाल
Ahmedabad IN: अहमदाबाद
Pune IN: पुणे
Chandigarh IN: चंडीगढ़
Srinagar IN: श्रीनगर
Jammu IN: जम्मू
Varanasi IN: वाराणसी
Islamabad PK: Исламабад, إسلام آباد, 伊斯兰堡, イスラマバード, 이슬라마바드, इस्लामाबाद
Karachi PK: कराची, كراتشي
Lahore PK: लाहौर
Kathmandu NP: Катманду, 加德满都, カトマンズ, काठमांडू
Dhaka BD: 达卡, ダッカ, ढाका
Colombo LK: 科伦坡, コロンボ, कोलंबो
Athens GR: Афины, Афіни, Αθήνα, 雅典, アテネ, 아테네, أثينا, एथेंस, אתונה
Thessaloniki GR: Салоники, Θεσσαλονίκη
Patras=Patra GR: Πάτρα
Heraklion=Irakleion GR: Ηράκλειο
Larissa=Larisa GR: Λάρισα
Nicosia CY: Λευκωσία, نيقوسيا
Washington=Washington, D.C. US: Вашингтон, 华盛顿, 華盛頓, ワシントン, 워싱턴, واشنطن, वाशिंगटन, वॉशिंगटन, Ουάσιγκτον, וושינגטון
New York=New York City US: Нью-Йорк, 纽约, 紐約, ニューヨーク, 뉴욕, نيويورك, न्यूयॉर्क, Νέα Υόρκη, ניו יורק
Los Angeles US: Лос-Анджелес, 洛杉矶, 洛杉磯, ロサンゼルス, 로스앤젤레스, لوس أنجلوس
San Francisco US: Сан-Франциско, 旧金山, 舊金山, サンフランシスコ, 샌프란시스코
London GB: Лондон, 伦敦, 倫敦, ロンドン, 런던, لندن, लंदन, Λονδίνο, לונדון
Paris FR: Париж, 巴黎, パリ, 파리, باريس, पेरिस, Παρίσι, פריז
Berlin DE: Берлин, Берлін, 柏林, ベルリン, 베를린, برلين, बर्लिन, Βερολίνο, ברלין
Munich DE: Мюнхен, 慕尼黑, ミュンヘン, 뮌헨, ميونخ, Μόναχο
Frankfurt=Frankfurt am Main DE: Франкфурт-на-Майне, 法兰克福, フランクフルト, 프랑크푸르트
Hamburg DE: Гамбург, 汉堡, ハンブルク, 함부르크
Brussels BE: Брюссель, 布鲁塞尔, 布魯塞爾, ブリュッセル, 브뤼셀, بروكسل, ब्रसेल्स, Βρυξέλλες, בריסל
Geneva=Genève CH: Женева, 日内瓦, 日內瓦, ジュネーブ, 제네바, جنيف, जिनेवा, Γενεύη
Zurich=Zürich CH: Цюрих, 苏黎世, チューリッヒ, 취리히
Bern CH: Берн, 伯尔尼, ベルン
Vienna AT: Вена, Відень, 维也纳, 維也納, ウィーン, فيينا, वियना, Βιέννη, וינה
Rome IT: Рим, 罗马, 羅馬, ローマ, 로마, روما, रोम, Ρώμη, רומא
Milan IT: Милан, 米兰, ミラノ, 밀라노, ميلانو, Μιλάνο
Madrid ES: Мадрид, 马德里, マドリード, 마드리드, مدريد, Μαδρίτη, מדריד
Barcelona ES: Барселона, 巴塞罗那, バルセロナ, 바르셀로나, برشلونة, Βαρκελώνη
Lisbon PT: Лиссабон, 里斯本, リスボン, 리스본, لشبونة, Λισαβόνα
Warsaw PL: Варшава, 华沙, 華沙, ワルシャワ, 바르샤바, وارسو, Βαρσοβία, ורשה
Prague CZ: Прага, 布拉格, プラハ, 프라하, براغ, Πράγα, פראג
Budapest HU: Будапешт, 布达佩斯, ブダペスト, 부다페스트, بودابست, Βουδαπέστη
Bucharest RO: Бухарест, 布加勒斯特, ブカレスト, Βουκουρέστι
Belgrade RS: Белград, 贝尔格莱德, ベオグラード, Βελιγράδι
Sofia BG: София, Софія, 索非亚, ソフィア, Σόφια
Copenhagen DK: Копенгаген, 哥本哈根, コペンハーゲン, 코펜하겐, Κοπεγχάγη
Stockholm SE: Стокгольм, 斯德哥尔摩, ストックホルム, 스톡홀름, Στοκχόλμη
Amsterdam NL: Амстердам, 阿姆斯特丹, アムステルダム, 암스테르담, أمستردام, Άμστερνταμ
The Hague NL: Гаага, 海牙, ハーグ, 헤이그, لاهاي, Χάγη
Dublin IE: Дублин, 都柏林, ダブリン
Edinburgh GB: Эдинбург, 爱丁堡, エディンバラ
Marseille FR: Марсель, 马赛, マルセイユ
Strasbourg FR: Страсбург, 斯特拉斯堡, ストラスブール, 스트라스부르
Havana CU: Гавана, 哈瓦那, ハバナ, 아바나
Mexico City MX: Мехико, 墨西哥城, メキシコシティ, 멕시코시티
Cape Town ZA: Кейптаун, 开普敦, ケープタウン
`;

export const CITY_NATIVE_TABLE: readonly CityExonyms[] = readCityTable(CITY_NATIVE_NAMES, 'native-names.ts');

/** The languages (i18n-iso-countries locales) of those agencies, whose country names the gazetteer adds too. */
export const NATIVE_LANGUAGES = ['ru', 'uk', 'zh', 'ja', 'ko', 'ar', 'hi', 'el', 'he'] as const;

/**
 * Diacritics that do not make another name: Latin, Greek and Cyrillic accents (Αθήνα/ΑΘΗΝΑ,
 * Кишинёв/Кишинев), Arabic vowel points and hamza (أبوظبي/ابوظبي), Hebrew points. Unlike
 * `normaliseName`, kana voicing marks and Devanagari vowel signs stay: パリ is not ハリ, and
 * पटना (Patna) not पटन.
 */
const FOLDED_MARKS = /[\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670]/g;

/** The key a native-script name is stored and looked up under. */
export function nativeNameKey(text: string): string {
  return text.normalize('NFKD').replace(FOLDED_MARKS, '').normalize('NFC').replace(/[׳’‘`´]/g, "'").replace(/[‐-―−]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A letter of a script the native table covers: only such names are looked up in it. */
export const NATIVE_LETTER = /[\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\p{Script=Hangul}]/u;
