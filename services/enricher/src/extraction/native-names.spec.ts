import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';
import { nativeNameKey } from './native-names';

// Agency copy in other scripts: the dateline places the story, under the city's English name.
describe('native-script names of the cities agencies file from', () => {
  const gazetteer = loadGazetteer();
  const placeOnly = (body: string, language: string, dateline?: string) => extractEntities({ headline: '', body, dateline, placeOnly: true, language }, { gazetteer }).primaryLocation;

  it('every line names a city the gazetteer holds, and no name two cities', () => {
    expect(gazetteer.unresolvedExonyms).toEqual([]);
    expect(gazetteer.conflictingNativeNames).toEqual([]);
  });

  it.each([
    ['МОСКВА, 7 декабря. /ТАСС/. Президент России заявил в понедельник, что переговоры продолжатся.', 'ru', 'Moscow', 'RU'],
    ['ВАШИНГТОН, 22 января. /Корр. ТАСС Иван Петров/. Президент США заявил во вторник.', 'ru', 'Washington', 'US'],
    ['МОСКВА, 7 дек — РИА Новости. Президент России заявил в понедельник.', 'ru', 'Moscow', 'RU'],
    ['Москва. 7 декабря. INTERFAX.RU - Президент России заявил в понедельник.', 'ru', 'Moscow', 'RU'],
    ['САНКТ-ПЕТЕРБУРГ, 7 декабря. /ТАСС/. Губернатор заявил.', 'ru', 'Saint Petersburg', 'RU'],
    ['КИЇВ, 7 грудня – Уряд ухвалив рішення щодо енергетики.', 'uk', 'Kyiv', 'UA'],
    ['Харків. 7 грудня. ІНТЕРФАКС-УКРАЇНА - Місто зазнало атаки.', 'uk', 'Kharkiv', 'UA'],
    ['新华社北京12月7日电（记者张三）国家主席习近平7日在人民大会堂会见外国领导人。', 'zh', 'Beijing', 'CN'],
    ['新华社莫斯科12月7日电 俄罗斯总统7日表示', 'zh', 'Moscow', 'RU'],
    ['中新网上海12月7日电 上海市政府7日发布', 'zh', 'Shanghai', 'CN'],
    ['（中央社台北7日電）行政院今天通過', 'zh', 'Taipei', 'TW'],
    ['新华社香港12月7日电 香港特区政府7日宣布', 'zh', 'Hong Kong', 'HK'],
    ['【東京共同】政府は7日、閣議で決定した。', 'ja', 'Tokyo', 'JP'],
    ['【ワシントン時事】米政府は6日、発表した。', 'ja', 'Washington', 'US'],
    ['【ソウル共同】韓国政府は7日、発表した。', 'ja', 'Seoul', 'KR'],
    ['(서울=연합뉴스) 홍길동 기자 = 정부는 7일 발표했다.', 'ko', 'Seoul', 'KR'],
    ['(대구=연합뉴스) 홍길동 기자 = 시는 7일 발표했다.', 'ko', 'Daegu', 'KR'],
    ['(워싱턴=연합뉴스) 김현 특파원 = 미국 정부는 6일 발표했다.', 'ko', 'Washington', 'US'],
    ['الدوحة في 07 ديسمبر /قنا/ أكد معالي رئيس مجلس الوزراء أن المحادثات مستمرة.', 'ar', 'Doha', 'QA'],
    ['أبوظبي في 7 ديسمبر / وام / أعلنت الحكومة عن مبادرة جديدة.', 'ar', 'Abu Dhabi', 'AE'],
    ['الكويت - 7 - 12 (كونا) -- أعلنت الحكومة عن مبادرة جديدة.', 'ar', 'Kuwait City', 'KW'],
    ['عمان 7 كانون الأول (بترا) - أعلنت الحكومة عن مبادرة جديدة.', 'ar', 'Amman', 'JO'],
    ['نيويورك في 6 ديسمبر /قنا/ أكدت دولة قطر', 'ar', 'New York', 'US'],
    ['नयी दिल्ली, सात दिसंबर (भाषा) केंद्र सरकार ने सोमवार को कहा कि बातचीत जारी है।', 'hi', 'New Delhi', 'IN'],
    ['मुंबई, सात दिसंबर (भाषा) शेयर बाजार में गिरावट रही।', 'hi', 'Mumbai', 'IN'],
    ['ΑΘΗΝΑ (ΑΠΕ-ΜΠΕ) — Η κυβέρνηση ανακοίνωσε νέα μέτρα.', 'el', 'Athens', 'GR'],
  ])('%s is in %s… %s', (body, language, name, countryCode) => {
    expect(placeOnly(body, language)).toMatchObject({ name, countryCode, reason: 'dateline', confidence: 0.95 });
  });

  it('keeps the native spelling as the surface form, at the dateline’s offsets, in text without spaces', () => {
    const body = '新华社北京12月7日电（记者张三）国家主席习近平7日在人民大会堂会见外国领导人。';
    const { entities } = extractEntities({ headline: '', body, language: 'zh' }, { gazetteer });
    const beijing = entities.find((e) => e.type === 'place');
    expect(beijing).toMatchObject({ id: 'place:1816670', name: 'Beijing', surfaceForms: ['北京'] });
    expect(beijing?.mentions.map((m) => body.slice(m.start, m.end))).toEqual(['北京']);
    const tass = extractEntities({ headline: '', body: 'МОСКВА, 7 декабря. /ТАСС/. Президент заявил.', language: 'ru' }, { gazetteer }).entities.find((e) => e.type === 'place');
    expect(tass).toMatchObject({ name: 'Moscow', surfaceForms: ['МОСКВА'], mentions: [{ start: 0, end: 6 }] });
  });

  it('reads a native name as its city only in a dateline, not in running text', () => {
    // No agency marker: the story is honestly unplaced, rather than placed by a word that may be no place.
    expect(placeOnly('国家主席习近平7日在北京人民大会堂会见外国领导人。', 'zh')).toBeNull();
    expect(placeOnly('대구 날씨가 7일 추워졌다고 기상청이 밝혔다.', 'ko')).toBeNull();
    expect(placeOnly('Президент России заявил в понедельник, что переговоры в Москве продолжатся.', 'ru')).toBeNull();
    // Nor in English copy: Cyrillic or Hangul there is not looked up as a city.
    expect(gazetteer.lookup('Москва')).toEqual([]);
    expect(gazetteer.lookup('대구')).toEqual([]);
  });

  it('takes the city a dateline names where the script also names a country so (Amman, not Oman)', () => {
    expect(placeOnly('عمان 7 كانون الأول (بترا) - أعلنت الحكومة', 'ar')).toMatchObject({ countryCode: 'JO' });
    expect(gazetteer.lookup('عمان').map((p) => p.id)).toEqual(['place:country-om']);
  });

  it('places a story by a bare native place in its dateline field', () => {
    expect(placeOnly('הממשלה אישרה היום את התקציב.', 'he', 'ירושלים')).toMatchObject({ name: 'Jerusalem', countryCode: 'IL', reason: 'dateline' });
    expect(placeOnly('国家主席会见外国领导人。', 'zh', '北京')).toMatchObject({ name: 'Beijing', countryCode: 'CN' });
  });

  it('knows country names in those languages under their English names', () => {
    for (const [name, cc] of [['Россия', 'RU'], ['Україна', 'UA'], ['Ελλάδα', 'GR'], ['ישראל', 'IL']]) {
      const country = gazetteer.lookup(name).find((p) => p.kind === 'country');
      expect(country?.countryCode).toBe(cc);
      expect(country && gazetteer.englishName(name, country)).toBe(country?.name);
    }
  });

  it('folds case and accents, Arabic hamza and Hebrew points, but not kana voicing or Devanagari vowels', () => {
    expect(nativeNameKey('ΑΘΗΝΑ')).toBe(nativeNameKey('Αθήνα'));
    expect(nativeNameKey('أبوظبي')).toBe(nativeNameKey('ابوظبي'));
    expect(nativeNameKey('Кишинёв')).toBe(nativeNameKey('Кишинев'));
    expect(nativeNameKey('パリ')).not.toBe(nativeNameKey('ハリ'));
    expect(nativeNameKey('पटना')).not.toBe(nativeNameKey('पटन'));
  });
});
