import type { Dateline } from './dateline-parser';

/**
 * Datelines of agencies writing in other scripts. Each form is identified by its agency marker; the
 * place is the word(s) before it, or inside the brackets. Groups: 1 what precedes the place, 2 the
 * place, 3 further places ("런던·서울", "МОСКВА/КИЕВ"), then the form's own (`source` picks the agency).
 */
const CASED = '(?=\\p{Lu})[\\p{Script=Cyrillic}\\p{Script=Greek}][\\p{Script=Cyrillic}\\p{Script=Greek}\\p{M}\'’-]*';
const CASED_PLACE = `${CASED}(?: ${CASED}){0,2}`;
const HAN_OR_KANA = '[\\p{Script=Han}\\p{Script=Katakana}ー・]';
const HANGUL = '[\\p{Script=Hangul}]';
const ARABIC = '[\\p{Script=Arabic}]+';
const DEVANAGARI = '[\\p{Script=Devanagari}]+';
const DIGIT = '[0-9０-９٠-٩]';

interface NativeForm {
  re: RegExp;
  /** The source when the marker is not captured (Xinhua's 新华社, Kyodo's 共同). */
  source?: (m: RegExpExecArray) => string | undefined;
  /** Whether the match is a dateline: "МОСКВА, 7 декабря —" with no marker only when shouted. */
  accept?: (m: RegExpExecArray) => boolean;
}

const FORMS: NativeForm[] = [
  // TASS "МОСКВА, 7 декабря. /ТАСС/.", "ВАШИНГТОН, 22 января. /Корр. ТАСС Иван Петров/."; RIA "МОСКВА, 7 дек — РИА Новости.";
  // Interfax "Москва. 7 декабря. INTERFAX.RU -", "Київ. 7 грудня. ІНТЕРФАКС-УКРАЇНА -"; ANA-MPA "ΑΘΗΝΑ (ΑΠΕ-ΜΠΕ) —";
  // "КИЇВ, 7 грудня –" with no agency only when the place is shouted.
  {
    re: new RegExp(
      `^(\\s*)(${CASED_PLACE})((?:\\s*\\/\\s*${CASED_PLACE})*)(,?\\s*(?:[,.]\\s*)?${DIGIT}{1,2}\\s+\\p{L}{3,12}\\.?(?:\\s+${DIGIT}{4})?)?\\.?\\s*` +
        `(?:\\/([^/\\n]{2,60})\\/\\.?|[—–-]\\s*(\\p{Lu}[^.\\n]{1,30}?)\\.(?=\\s)|\\(([^)\\n]{2,40})\\)\\s*(?:[—–-]+\\s)?|((?:INTERFAX|ИНТЕРФАКС|ІНТЕРФАКС)[\\p{L}.-]*)\\s*[—–-]|([—–-])\\s)\\s*`,
      'u',
    ),
    source: (m) => m[5] ?? m[6] ?? m[7] ?? m[8],
    // A date or a shouted place besides the marker; with no marker, both: "Путин (в центре) на встрече" is no dateline.
    accept: (m) => {
      const shouted = m[2] === m[2].toUpperCase() && m[2].length > 2;
      return (m[9] ? !!m[4] && shouted : !!m[4] || shouted);
    },
  },
  // Xinhua "新华社北京12月7日电", China News Service "中新网上海12月7日电", "中新社", People's Daily "本报北京12月7日电", CNA "（中央社台北7日電）".
  {
    re: new RegExp(`^(\\s*[（(]?(?:新华社|新華社|中新社|中新网|中新網|本报|本報|中央社))(${HAN_OR_KANA}{1,8}?)()(?:${DIGIT}{1,2}月)?${DIGIT}{1,2}日(电|電|讯|訊)[）)]?`, 'u'),
    source: (m) => m[1].replace(/^\s*[（(]?/, ''),
  },
  // Kyodo "【東京共同】", Jiji "【ワシントン時事】", "【ワシントン＝共同】", newspapers "【ワシントン＝田中太郎】".
  { re: new RegExp(`^(\\s*【)(${HAN_OR_KANA}{1,12}?)()(?:[=＝]?(共同|時事)|[=＝]([^】\\n]{1,20}))】`, 'u'), source: (m) => m[4] ?? m[5] },
  // Yonhap "(서울=연합뉴스) 홍길동 기자 =", "(런던·서울=연합뉴스)", Newsis "(서울=뉴시스)".
  { re: new RegExp(`^(\\s*[(（])(${HANGUL}{1,10})((?:·${HANGUL}{1,10})*)=([^)）\\n]{1,12})[)）]`, 'u') },
  // QNA "الدوحة في 07 ديسمبر /قنا/", WAM "أبوظبي في 7 ديسمبر / وام /", KUNA "الكويت - 7 - 12 (كونا) --", Petra "عمان 7 كانون الأول (بترا)".
  {
    re: new RegExp(`^(\\s*)(${ARABIC}(?: ${ARABIC}){0,3}?)()\\s*(?:[-–]\\s*)?(?:في\\s+)?${DIGIT}{1,2}[\\s\\p{Script=Arabic}0-9٠-٩/-]{0,40}?\\s*(?:\\/\\s*([^/\\n]{2,15}?)\\s*\\/|\\(([^)\\n]{2,15})\\))`, 'u'),
    source: (m) => m[4] ?? m[5],
  },
  // PTI-Bhasha "नयी दिल्ली, सात दिसंबर (भाषा)", UNI-Varta "(वार्ता)".
  { re: new RegExp(`^(\\s*)(${DEVANAGARI}(?: ${DEVANAGARI}){0,2})(),\\s*[\\p{Script=Devanagari}0-9 ]{2,30}?\\s*\\(([^)\\n]{2,20})\\)`, 'u'), source: (m) => m[4] },
];

/** An opening in a script the forms above read: text that cannot hold one is not tried. */
const NATIVE_OPENING = /^[\s(（【]*[\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\p{Script=Hangul}]/u;

/** The dateline of a native-script agency's story, if its text opens with one (see FORMS). */
export function parseNativeDateline(text: string): Dateline | undefined {
  if (!NATIVE_OPENING.test(text)) return undefined;
  const opening = text.slice(0, 200);
  for (const form of FORMS) {
    const m = form.re.exec(opening);
    if (!m || (form.accept && !form.accept(m))) continue;
    const [whole, lead, place, others = ''] = m;
    const start = lead.length;
    const alsoFrom = [...others.matchAll(/[^/·\s](?:[^/·]*[^/·\s])?/gu)].map((o) => {
      const oStart = start + place.length + (o.index ?? 0);
      return { text: o[0], start: oStart, end: oStart + o[0].length };
    });
    const source = (form.source ? form.source(m) : m[4])?.trim();
    return { place: { text: place, start, end: start + place.length }, alsoFrom, source, end: whole.length };
  }
  return undefined;
}

/** A bare place of one to three words, before any comma or bracket: "北京", "ירושלים", "تل أبيب، إسرائيل". */
const NATIVE_FIELD = /^(\s*)([^\s\d,，、،(（/]+(?: [^\s\d,，、،(（/]+){0,2})\s*(?:$|[,，、،(（])/u;
const NATIVE_FIELD_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\p{Script=Hangul}]/u;

/**
 * The article's `dateline` field in a script without capitals (Hebrew, Arabic, CJK, Hangul,
 * Devanagari), which parseDatelineField's capitalised place cannot match.
 */
export function parseNativeDatelineField(field: string): Dateline | undefined {
  const m = NATIVE_FIELD_LETTER.test(field.slice(0, 40)) ? NATIVE_FIELD.exec(field) : null;
  if (!m) return undefined;
  const [, lead, place] = m;
  return { place: { text: place, start: lead.length, end: lead.length + place.length }, alsoFrom: [], end: field.length };
}
