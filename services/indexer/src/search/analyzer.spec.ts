import { analyze, analyzeQuery, foldText, nameKey, stem, tokenize } from './analyzer';

describe('analyzer', () => {
  it('lower-cases, strips accents and splits on punctuation and dashes', () => {
    expect(foldText('Rabât ÉTÉ')).toBe('rabat ete');
    expect(tokenize('ICPO–INTERPOL, Al-Raisi’s 93rd')).toEqual(['icpo', 'interpol', 'al', 'raisi', 's', '93rd']);
  });

  it('spells letters that do not decompose as an English keyboard does, so plain spellings find them', () => {
    expect(foldText('Łódź Øresund Mohrenstraße Ærøskøbing Œuvre Đakovo Þórshöfn Diyarbakır')).toBe('lodz oresund mohrenstrasse aeroskobing oeuvre dakovo thorshofn diyarbakir');
    expect(nameKey('Łódź')).toBe(nameKey('Lodz'));
  });

  it('keeps a stop word written as an acronym (WHO, IT), on both sides', () => {
    expect(analyze('WHO declares an emergency; IT outage grounds flights')).toEqual(expect.arrayContaining(['who', 'it']));
    expect(analyzeQuery('WHO')).toEqual(['who']);
    expect(analyze('who said it')).toEqual([]);
  });

  it('drops English stop words and single letters, and stems', () => {
    expect(analyze('The police are arresting the criminals in Marrakech')).toEqual(['polic', 'arrest', 'crimin', 'marrakech']);
    expect(analyze('a b 7')).toEqual(['7']);
  });

  it('maps inflections to one term', () => {
    expect(stem('arrests')).toBe(stem('arrested'));
    expect(stem('assemblies')).toBe(stem('assembly'));
    expect(stem('2025')).toBe('2025');
  });

  it('analyses queries to distinct terms', () => {
    expect(analyzeQuery('courts court COURT')).toEqual(['court']);
    expect(analyzeQuery('(a+)+$')).toEqual([]);
  });

  it('ignores absurdly long tokens and stays fast on hostile input', () => {
    const started = Date.now();
    expect(analyze('x'.repeat(100_000))).toEqual([]);
    expect(analyze('ab '.repeat(30_000))).toHaveLength(30_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('compares names regardless of case, accents and punctuation', () => {
    expect(nameKey('Valdecy  Urquiza')).toBe(nameKey('valdecy urquiza'));
    expect(nameKey('Marrâkech')).toBe('marrakech');
  });

  // The audit's Xinhua, Kyodo, Yonhap and PTI stories (finding 7): a CJK run is a clause, not a word.
  const xinhua = '习近平会见法国总统马克龙\n新华社北京１２月７日电 国家主席习近平7日在人民大会堂会见了来访的法国总统马克龙。双方就中法关系和共同关心的国际问题交换了意见。';
  const kyodo = '首相、新たな経済対策を発表\n【東京共同】岸田文雄首相は７日、首相官邸で記者会見し、新たな経済対策を発表した。政府は来年度予算案に盛り込む方針だ。';
  const hindi = 'प्रधानमंत्री ने नई योजना की घोषणा की\nनई दिल्ली, 7 दिसंबर (भाषा) प्रधानमंत्री नरेंद्र मोदी ने सोमवार को किसानों के लिए एक नई योजना की घोषणा की।';

  it('indexes Chinese, Japanese and Korean runs as bigrams, so a word inside a run is found', () => {
    const terms = new Set(analyze(xinhua));
    for (const query of ['习近平', '马克龙', '人民大会堂', '法国总统']) {
      expect(analyzeQuery(query).length).toBeGreaterThan(0);
      expect(analyzeQuery(query).filter((term) => !terms.has(term))).toEqual([]);
    }
    const japanese = new Set(analyze(kyodo));
    expect(analyzeQuery('経済対策').filter((term) => !japanese.has(term))).toEqual([]);
    expect(analyzeQuery('岸田').filter((term) => !japanese.has(term))).toEqual([]);
    expect(analyzeQuery('経済対策')).toEqual(['経済', '済対', '対策']);
    // Hangul stays in syllables (not jamo), and a particle glued to the noun no longer hides it.
    expect(analyzeQuery('대통령')).toEqual(['대통', '통령']);
    expect(analyze('윤석열 대통령은 7일')).toEqual(['윤석', '석열', '대통', '통령', '령은', '7', '일']);
  });

  it('indexes a CJK run of any length (longer than 40 characters were dropped) and keeps a lone character', () => {
    const long = '国家主席习近平7日在人民大会堂会见了来访的法国总统马克龙和德国总理以及欧洲理事会主席一行并举行会谈';
    expect(analyze(long)).toEqual(expect.arrayContaining(['欧洲', '会谈', '7', '日在']));
    expect(analyzeQuery('中')).toEqual(['中']);
  });

  it('keeps the vowel signs and viramas of Indic scripts: मद and मादा are other words than मोदी', () => {
    const terms = new Set(analyze(hindi));
    expect(terms.has(analyzeQuery('मोदी')[0])).toBe(true);
    expect(terms.has(analyzeQuery('प्रधानमंत्री')[0])).toBe(true);
    expect(analyzeQuery('मद').filter((term) => terms.has(term))).toEqual([]);
    expect(analyzeQuery('मादा').filter((term) => terms.has(term))).toEqual([]);
    expect(nameKey('नरेंद्र मोदी')).toBe('नरेंद्र मोदी');
    expect(tokenize('กรุงเทพมหานคร')).toEqual(['กรุงเทพมหานคร']);
  });

  it('keeps Japanese dakuten and handakuten (が is not か), composing half-width kana', () => {
    expect(foldText('が')).toBe('が');
    expect(foldText('ﾊﾟﾘ')).toBe('パリ');
    expect(analyze('東京で会見')).not.toEqual(analyze('東京て会見'));
  });

  it('still folds Latin, Greek and Cyrillic diacritics, and Arabic vowel marks, as before', () => {
    expect(foldText('Đà Nẵng São Paulo Ἀθῆναι Йошкар-Ола ёлка')).toBe('da nang sao paulo αθηναι иошкар-ола елка');
    expect(nameKey('مُحَمَّد')).toBe(nameKey('محمد'));
    expect(tokenize('İSTANBUL Ｇ２０ 1️⃣')).toEqual(['istanbul', 'g20', '1']);
  });

  it('folds a character the same whether or not the text around it needs marks kept (the quick path for European text)', () => {
    // Each character with an acute accent, alone and beside Hindi (which takes the path that keeps marks).
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `${String.fromCharCode(code)}\u0301x`;
      if (`${foldText(text)} मोदी` !== foldText(`${text} मोदी`)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });
});
