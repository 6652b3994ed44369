import { parseDateline, parseDatelineField } from './dateline-parser';

// Openings as the agencies send them (TASS, RIA Novosti, Interfax, Xinhua, China News Service, Kyodo,
// Jiji, Yonhap, QNA, WAM, KUNA, Petra, PTI-Bhasha, ANA-MPA).
describe('native-script agency datelines', () => {
  it.each([
    ['МОСКВА, 7 декабря. /ТАСС/. Президент России заявил в понедельник', 'МОСКВА', 'ТАСС'],
    ['ВАШИНГТОН, 22 января. /Корр. ТАСС Иван Петров/. Президент США заявил', 'ВАШИНГТОН', 'Корр. ТАСС Иван Петров'],
    ['НИЖНИЙ НОВГОРОД, 7 декабря. /ТАСС/. Губернатор области', 'НИЖНИЙ НОВГОРОД', 'ТАСС'],
    ['МОСКВА, 7 дек — РИА Новости. Президент России заявил', 'МОСКВА', 'РИА Новости'],
    ['Москва. 7 декабря. INTERFAX.RU - Президент России заявил', 'Москва', 'INTERFAX.RU'],
    ['Київ. 7 грудня. ІНТЕРФАКС-УКРАЇНА - Уряд ухвалив рішення', 'Київ', 'ІНТЕРФАКС-УКРАЇНА'],
    ['КИЇВ, 7 грудня – Уряд ухвалив рішення', 'КИЇВ', undefined],
    ['ΑΘΗΝΑ (ΑΠΕ-ΜΠΕ) — Η κυβέρνηση ανακοίνωσε', 'ΑΘΗΝΑ', 'ΑΠΕ-ΜΠΕ'],
    ['ΑΘΗΝΑ, 7 Δεκεμβρίου (ΑΠΕ-ΜΠΕ) Η κυβέρνηση ανακοίνωσε', 'ΑΘΗΝΑ', 'ΑΠΕ-ΜΠΕ'],
    ['新华社北京12月7日电（记者张三）国家主席习近平7日在人民大会堂会见外国领导人。', '北京', '新华社'],
    ['新华社华盛顿12月6日电 美国国务院6日宣布', '华盛顿', '新华社'],
    ['中新网上海12月7日电 上海市政府7日发布', '上海', '中新网'],
    ['（中央社台北7日電）行政院今天通過', '台北', '中央社'],
    ['【東京共同】政府は7日、閣議で決定した。', '東京', '共同'],
    ['【ワシントン時事】米政府は6日、発表した。', 'ワシントン', '時事'],
    ['(서울=연합뉴스) 홍길동 기자 = 정부는 7일 발표했다.', '서울', '연합뉴스'],
    ['الدوحة في 07 ديسمبر /قنا/ أكد معالي رئيس مجلس الوزراء', 'الدوحة', 'قنا'],
    ['ريو دي جانيرو في 18 أغسطس /قنا/ احتفلت البعثة القطرية', 'ريو دي جانيرو', 'قنا'],
    ['أبوظبي في 7 ديسمبر / وام / أعلنت الحكومة', 'أبوظبي', 'وام'],
    ['الكويت - 7 - 12 (كونا) -- أعلنت الحكومة', 'الكويت', 'كونا'],
    ['عمان 7 كانون الأول (بترا) - أعلنت الحكومة', 'عمان', 'بترا'],
    ['नयी दिल्ली, सात दिसंबर (भाषा) केंद्र सरकार ने सोमवार को कहा', 'नयी दिल्ली', 'भाषा'],
  ])('reads %s', (text, place, source) => {
    const d = parseDateline(text);
    if (!d) throw new Error(`no dateline in ${text}`);
    expect([text.slice(d.place.start, d.place.end), d.place.text, d.source]).toEqual([place, place, source]);
    expect(d.end).toBeGreaterThan(d.place.end);
  });

  it('keeps the other places of a story filed from several', () => {
    const text = '(런던·서울=연합뉴스) 황정우 특파원 백나리 기자 = 영국 총선에서';
    const d = parseDateline(text);
    expect(d?.place.text).toBe('런던');
    expect(d?.alsoFrom.map((o) => [o.text, text.slice(o.start, o.end)])).toEqual([['서울', '서울']]);
  });

  it.each([
    ['a Cyrillic sentence naming a city far in', 'Президент России заявил в понедельник, что переговоры в Москве продолжатся. /ТАСС/'],
    ['a Cyrillic name and a bracket but no date, not shouted (with a dash it is the Latin form, as before)', 'Путин (в центре) на встрече с министрами в Москве.'],
    ['Xinhua with no city', '新华社12月7日电 国家主席习近平7日在北京会见外国领导人。'],
    ['a Chinese sentence naming Beijing', '国家主席习近平7日在北京人民大会堂会见外国领导人。新华社北京12月7日电'],
    ['a Korean sentence with no agency', '대구 날씨가 7일 추워졌다고 기상청이 밝혔다.'],
    ['an Arabic sentence with no agency marker', 'أكد رئيس مجلس الوزراء في الدوحة اليوم أن المحادثات مستمرة'],
    ['a Hindi sentence with no agency', 'केंद्र सरकार ने सोमवार को नयी दिल्ली में कहा कि बातचीत जारी है।'],
  ])('finds none in %s', (_what, text) => {
    expect(parseDateline(text)).toBeUndefined();
  });

  it('reads a bare place in a script without capitals from the dateline field', () => {
    for (const field of ['北京', 'ירושלים', 'תל אביב', 'الدوحة، قطر', ' 서울']) {
      const d = parseDatelineField(field);
      expect(d && field.slice(d.place.start, d.place.end)).toBe(field.trim().split('،')[0]);
    }
    expect(parseDatelineField('7 декабря')).toBeUndefined();
  });
});
