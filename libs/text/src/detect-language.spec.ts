import fc from 'fast-check';
import { detectLanguage, LanguageEvidence, QUOTATION } from './detect-language';
import { dominantScript } from './dominant-script';
import { ALPHABETS, STOPWORDS } from './stop-words';

/** What the enricher asks before it overrides a declared language. */
const CLEAR: LanguageEvidence = { minLetters: 20, scripts: true, minWords: 8, minShare: 0.12, lead: 1.5 };
/** What ingest asks before it names the language of a story that declares none. */
const LENIENT: LanguageEvidence = { minLetters: 0, scripts: false, minWords: 5, minShare: 0.05, lead: 1.3 };

// The straightforward version over the same tables, kept as the oracle the counting one must agree with.
function reference(text: string, evidence: LanguageEvidence): string | undefined {
  const whole = text.slice(0, 5000);
  const count = (sample: string) => ({ letters: [...sample.matchAll(/\p{L}/gu)].length, words: sample.toLowerCase().match(/\p{L}+/gu) ?? [] });
  let sample = whole;
  let counted = count(whole);
  const unquoted = whole.replace(QUOTATION, ' ');
  const outside = count(unquoted);
  if (unquoted !== whole && outside.words.length >= evidence.minWords && outside.letters >= evidence.minLetters) [sample, counted] = [unquoted, outside];
  const { letters, words } = counted;
  if (letters < evidence.minLetters) return undefined;
  const ascii = !/[^A-Za-z]/.test(sample.replace(/[^\p{L}\ud800-\udfff]/gu, ''));
  if (evidence.scripts && !ascii) {
    const script = dominantScript(sample, letters);
    if (script) return script;
  }
  if (words.length < evidence.minWords) return undefined;
  const scores = Object.entries(STOPWORDS).map(([lang, list]) => {
    const set = new Set(list);
    return [lang, words.filter((w) => set.has(w)).length / words.length] as const;
  });
  scores.sort((a, b) => b[1] - a[1]);
  const [top, second] = scores;
  if (top[1] >= evidence.minShare && top[1] < second[1] * evidence.lead) return 'und';
  const language = top[1] >= evidence.minShare ? top[0] : undefined;
  if (ascii) return language;
  const own = language ? ALPHABETS[language] : Object.values(ALPHABETS).join('');
  const alien = [...sample.normalize('NFC').toLowerCase().matchAll(/[\u00df-\u00ff\u0100-\u024f\u1e00-\u1eff]/g)].filter(([l]) => !own.includes(l)).length;
  return alien >= 3 && alien / letters >= 0.015 ? 'und' : language;
}

describe('detectLanguage', () => {
  it('tells common languages apart', () => {
    for (const evidence of [CLEAR, LENIENT]) {
      expect(detectLanguage('The president said on Monday that the talks with the union had failed and that he was leaving.', evidence)).toBe('en');
      expect(detectLanguage("Le président a déclaré lundi que les négociations avec les syndicats ont échoué et qu'il part.", evidence)).toBe('fr');
      expect(detectLanguage('El presidente dijo el lunes que las negociaciones con los sindicatos habían fracasado y que se va.', evidence)).toBe('es');
    }
  });

  it('names the language of a dominant script only when asked to', () => {
    const russian = 'Президент заявил в понедельник, что переговоры с профсоюзами провалились.';
    expect(detectLanguage(russian, CLEAR)).toBe('ru');
    expect(detectLanguage(russian, LENIENT)).toBeUndefined();
  });

  it('stays silent on too little text or garbage', () => {
    for (const evidence of [CLEAR, LENIENT]) {
      expect(detectLanguage('', evidence)).toBeUndefined();
      expect(detectLanguage('\u0000\u0001\ufffd\ufffd%%$$##', evidence)).toBeUndefined();
      expect(detectLanguage('the and of', evidence)).toBeUndefined();
    }
  });

  it('reads only the first 5,000 characters', () => {
    const english = 'The minister said that the plan was a step in the right direction for the country. '.repeat(60);
    const french = "Le ministre a dit que le plan est un pas dans la bonne direction pour le pays et les gens. ".repeat(60);
    expect(detectLanguage(english + french, CLEAR)).toBe('en');
    expect(detectLanguage(french + english, CLEAR)).toBe('fr');
  });

  it('answers as the straightforward version does, on any mix of scripts, marks, stop words and astral letters', () => {
    const pieces = ['the', 'and', 'said', 'le', 'les', 'de', 'la', 'el', 'y', 'der', 'und', 'für', 'não', 'het', 'o', 'e', 'il', 'President', 'Marrakech', 'İstanbul',
      'президент', 'заявил', 'الرئيس', 'قال', 'मंत्री', 'ने', '総理', 'ひらがな', 'カタカナ', '대통령', 'Πρόεδρος', 'נשיא', 'ประธาน', '𠀀𠀁', '𝐀𝐁', '\u0301', '42', '—', '🙂'];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 80 }).map((words) => words.join(' '));
    for (const evidence of [CLEAR, LENIENT]) {
      fc.assert(fc.property(text, (t) => expect(detectLanguage(t, evidence)).toBe(reference(t, evidence))), { numRuns: 2000 });
    }
    for (const word of ['the', 'президент', 'الرئيس', 'मंत्री', '総理', '𠀀𠀁', '𝐀𝐁']) {
      const sample = Array.from({ length: 40 }, () => word).join(' ');
      for (const evidence of [CLEAR, LENIENT]) expect(detectLanguage(sample, evidence)).toBe(reference(sample, evidence));
    }
  });

  it('answers as the straightforward version does on ASCII-lettered text, which it counts from the character codes', () => {
    const stopwords = Object.values(STOPWORDS).flat();
    const word = fc.oneof(
      fc.constantFrom(...stopwords),
      fc.constantFrom(...stopwords).map((w) => w.toUpperCase()),
      fc.constantFrom(...stopwords).map((w) => w[0].toUpperCase() + w.slice(1)),
      // Longer words sharing a stop word's first letters, and words split by digits.
      fc.constantFrom('thereby', 'theory', 'andante', 'others', 'Dessert', 'the1and', 'l3s', 'dellas'),
      fc.stringMatching(/^[A-Za-z]{1,9}$/),
    );
    const gap = fc.constantFrom(' ', '  ', '\n', ', ', '. ', ' — ', '’', ' “', '” ', '-', '9', '\u00a0', '\u0301');
    const text = fc.array(fc.tuple(word, gap), { maxLength: 120 }).map((pairs) => pairs.flat().join(''));
    for (const evidence of [CLEAR, LENIENT]) {
      fc.assert(fc.property(text, (t) => expect(detectLanguage(t, evidence)).toBe(reference(t, evidence))), { numRuns: 3000 });
    }
  });
});

// The wire desk audit's inputs (/tmp/auditI: lang.js, c1/c3/c4.json).
describe('detectLanguage on languages beyond the first seven, and on mixed copy', () => {
  const samples: Record<string, string> = {
    pl: 'Prezydent Polski spotkał się w poniedziałek z premierem w Krakowie. Rozmowy dotyczyły bezpieczeństwa na granicy i pomocy dla Ukrainy, a także sytuacji gospodarczej w kraju.',
    sv: 'Regeringen meddelade på måndagen att den kommer att lägga fram ett nytt förslag om klimatet. Det är en stor dag för Sverige och många är glada över det.',
    ro: 'Președintele României a declarat luni că guvernul va prezenta un nou plan pentru economie. Este o zi importantă pentru țară și mulți sunt mulțumiți de asta.',
    ca: "El president de la Generalitat va dir dilluns que el govern presentarà un nou pla per a l'economia. És un dia important per al país i molts en són contents.",
    tr: 'Cumhurbaşkanı pazartesi günü yaptığı açıklamada hükümetin ekonomi için yeni bir plan sunacağını söyledi. Bu ülke için önemli bir gün ve birçok kişi memnun.',
    id: 'Presiden Indonesia mengatakan pada hari Senin bahwa pemerintah akan menyampaikan rencana baru untuk ekonomi. Ini adalah hari yang penting bagi negara.',
  };
  const unknown: Record<string, string> = {
    da: 'Statsministeren sagde mandag, at regeringen vil fremlægge en ny plan for klimaet. Det er en stor dag for Danmark, og der er mange som er glade for det.',
    vi: 'Thủ tướng Chính phủ cho biết hôm thứ Hai rằng chính phủ sẽ trình bày một kế hoạch mới cho nền kinh tế. Đây là một ngày quan trọng đối với đất nước.',
  };

  it('names Polish, Swedish, Romanian, Catalan, Turkish and Indonesian, which it used to call pt, nl, pt, es', () => {
    for (const evidence of [CLEAR, LENIENT]) for (const [lang, text] of Object.entries(samples)) expect([lang, detectLanguage(text, evidence)]).toEqual([lang, lang]);
  });

  it('says und, not another language, for Danish (a tie with Norwegian) and Vietnamese', () => {
    for (const evidence of [CLEAR, LENIENT]) for (const text of Object.values(unknown)) expect(detectLanguage(text, evidence)).toBe('und');
  });

  it('reads Japanese with kana as ja though most of its letters are kanji, Hangul as ko, Chinese as zh', () => {
    expect(detectLanguage('【東京共同】岸田文雄首相は７日、首相官邸で記者会見し、新たな経済対策を発表した。政府は来年度予算案に盛り込む方針だ。', CLEAR)).toBe('ja');
    expect(detectLanguage('東京都は７日、新型コロナウイルスの感染者が新たに確認されたと発表した。都内の感染者は累計で百万人を超えた。', CLEAR)).toBe('ja');
    expect(detectLanguage('(서울=연합뉴스) 김철수 기자 = 윤석열 대통령은 7일 용산 대통령실에서 새로운 경제 대책을 발표했다.', CLEAR)).toBe('ko');
    expect(detectLanguage('新华社北京１２月７日电 国家主席习近平7日在人民大会堂会见了来访的法国总统马克龙。双方就中法关系交换了意见。', CLEAR)).toBe('zh');
  });

  it('tells Ukrainian from Russian, and says und for Cyrillic or Arabic script it cannot pin down', () => {
    expect(detectLanguage('КИЇВ, 7 грудня. Президент України Володимир Зеленський заявив у понеділок, що уряд представить новий план відновлення економіки.', CLEAR)).toBe('uk');
    expect(detectLanguage('МОСКВА, 7 декабря. /ТАСС/. Президент России Владимир Путин провел совещание с членами Совета безопасности, сообщили в Кремле.', CLEAR)).toBe('ru');
    expect(detectLanguage('Президентът заяви в понеделник, че преговорите със синдикатите са се провалили и че правителството ще подаде оставка.', CLEAR)).toBe('und');
    expect(detectLanguage('پاکستان کے وزیر اعظم نے پیر کے روز کہا کہ حکومت معیشت کے لیے نیا منصوبہ پیش کرے گی۔', CLEAR)).toBe('und');
    expect(detectLanguage('मुंबई येथे सोमवारी मुख्यमंत्र्यांनी नवीन योजना जाहीर केली. राज्य सरकारने या योजनेसाठी निधी मंजूर केला आहे.', CLEAR)).toBe('und');
    expect(detectLanguage('नई दिल्ली, 7 दिसंबर (भाषा) प्रधानमंत्री नरेंद्र मोदी ने सोमवार को किसानों के लिए एक नई योजना की घोषणा की।', CLEAR)).toBe('hi');
  });

  it('keeps English copy with a quoted French or Russian passage English', () => {
    const realistic = 'PARIS (Reuters) - French President Emmanuel Macron vowed on Monday to stand firm after a week of riots across the country. Police arrested more than 300 people overnight, the interior ministry said. Opposition leaders called for a state of emergency. "Nous ne laisserons pas la France être divisée par ceux qui veulent la violence, et nous serons au rendez-vous de l\'histoire pour le pays et pour les Français", a-t-il dit.';
    const lead = 'PARIS (Reuters) - French President Emmanuel Macron said on Monday: "Nous ne laisserons pas la France être divisée par ceux qui veulent la violence, et nous serons au rendez-vous de l\'histoire pour le pays et pour les Français."';
    const russian = 'MOSCOW (Reuters) - Kremlin spokesman Dmitry Peskov said on Monday in Moscow: «Мы не будем комментировать эти сообщения, потому что они не соответствуют действительности и являются провокацией».';
    for (const evidence of [CLEAR, LENIENT]) {
      expect(detectLanguage(realistic, evidence)).toBe('en');
      expect(detectLanguage(lead, evidence)).toBe('en');
      expect(detectLanguage(russian, evidence)).toBe('en');
    }
  });

  it('does not call two English sentences and one unquoted French one French', () => {
    const mixed = 'The minister said on Monday that the plan would go ahead. Officials in Paris said the talks had failed. Le gouvernement a annoncé que les négociations avec les syndicats ont échoué et que la grève continue.';
    for (const evidence of [CLEAR, LENIENT]) expect(detectLanguage(mixed, evidence)).not.toBe('fr');
  });
});
