import { CJK_CHARACTER, cjkBigrams, forEachCjkSplit, hasCjk, splitCjkWords } from './cjk-bigrams';

describe('CJK bigrams', () => {
  it('splits a run into overlapping bigrams, so every word in it shares its bigrams with the run', () => {
    const run = '习近平会见法国总统马克龙';
    expect(cjkBigrams(run)).toEqual(['习近', '近平', '平会', '会见', '见法', '法国', '国总', '总统', '统马', '马克', '克龙']);
    for (const word of ['习近平', '马克龙', '法国总统']) expect(cjkBigrams(run)).toEqual(expect.arrayContaining(cjkBigrams(word)));
  });

  it('keeps a one-character run as a unigram and counts astral characters as one', () => {
    expect(cjkBigrams('日')).toEqual(['日']);
    expect(cjkBigrams('𠮷野家')).toEqual(['𠮷野', '野家']);
    expect(cjkBigrams('𠮷')).toEqual(['𠮷']);
  });

  it('bigrams across Han, kana and Hangul, with the prolonged sound mark inside katakana words', () => {
    expect(splitCjkWords(['新たな経済対策を発表'])).toEqual(['新た', 'たな', 'な経', '経済', '済対', '対策', '策を', 'を発', '発表']);
    expect(splitCjkWords(['ラーメン'])).toEqual(['ラー', 'ーメ', 'メン']);
    expect(splitCjkWords(['대통령은'])).toEqual(['대통', '통령', '령은']);
  });

  it('leaves other words whole and splits a mixed word at the run boundaries', () => {
    const seen: [string, boolean][] = [];
    forEachCjkSplit(['macron', 'g20峰会', '习近平7日在', 'мосва', 'मोदी'], (term, cjk) => seen.push([term, cjk]));
    expect(seen).toEqual([
      ['macron', false], ['g20', false], ['峰会', true], ['习近', true], ['近平', true], ['7', false], ['日在', true], ['мосва', false], ['मोदी', false],
    ]);
  });

  it('finds CJK characters only in the four scripts', () => {
    expect(['习', 'が', 'カ', '한', 'ー'].map(hasCjk)).toEqual([true, true, true, true, true]);
    expect(['Zürich', 'Москва', 'मोदी', 'กรุงเทพ', '、。「」１２', 'ㄅㄆ'].map(hasCjk)).toEqual([false, false, false, false, false, false]);
  });

  it('tests every CJK character of Unicode, astral ones included, as CJK', () => {
    const missed: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCodePoint(code);
      if (CJK_CHARACTER.test(character) && !hasCjk(`the ${character}`)) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });
});
