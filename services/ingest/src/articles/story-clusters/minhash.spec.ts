import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bandKeys, BANDS, estimatedJaccard, minhash, SAME_STORY, TYPOGRAPHIC } from './minhash';

const samples = join(__dirname, '..', '..', '..', '..', '..', 'samples', 'articles');
// The seed story's paragraphs, without its headline and the weather strip after it.
const seed = readFileSync(join(samples, 'seed-article.txt'), 'utf8').split(/\n\s*\n/).slice(1).filter((p) => !/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) /.test(p)).join('\n\n');
const london: string = JSON.parse(readFileSync(join(samples, 'london-transport-strike.json'), 'utf8')).body;

const shareBand = (a: string, b: string) => bandKeys(minhash(a)).some((k) => bandKeys(minhash(b)).includes(k));

describe('MinHash near-duplicates', () => {
  it('finds a republished story with a changed headline, edits and a dropped paragraph', () => {
    const republished = seed
      .replace('praised on Monday', 'lauded on Monday')
      .replace('Over four days', 'During four days')
      .replace(/Kingdom/g, 'country')
      .split('\n\n')
      .slice(0, 9)
      .join('\n\n');
    expect(shareBand(seed, republished)).toBe(true);
    expect(estimatedJaccard(minhash(seed), minhash(republished))).toBeGreaterThanOrEqual(SAME_STORY);
  });

  it('keeps unrelated stories apart', () => {
    expect(estimatedJaccard(minhash(seed), minhash(london))).toBeLessThan(0.1);
    expect(shareBand(seed, london)).toBe(false);
  });

  // The signatures stored beside the bands in Redis stay comparable: the rows below are those of the
  // four-row band keys computed by the implementations of 2026-12-06 and 2026-12-07.
  const rows = (text: string, count: number) => minhash(text).slice(0, count).map((row) => row.toString(36)).join('.');

  it('gives the signatures it gave before, so stories already registered in Redis compare as before', () => {
    // The seed story's curly quotes and dashes sent it down the Unicode path on 2026-12-06; they take the fast path now.
    expect(rows(seed, 12)).toEqual('1od9i.tk07.18i44.251xs.88yjc.kd96.iczky.6l8fj.26lu.1lke7.204qn.e7jyc');
    expect(rows('INTERPOL General Assembly opens in Marrakech, Morocco on 24 November 2025', 8)).toEqual('4x65ot.2ry8vu.d287x.m8z3sk.dw7gtj.8o069i.1vvmh7.j2ubi');
  });

  it('gives the signatures it gave before CJK bigrams to text in other scripts (the Unicode path)', () => {
    expect(rows('ZÜRICH (Reuters) - Swiss bank UBS said on Monday it would cut 500 jobs in Zürich, its chief executive said.', 8))
      .toEqual('mxnax.1e931h.eadej.2zmpm5.alekvv.14rp9r.8xryjb.clsqs');
    expect(rows('МОСКВА, 7 декабря. /ТАСС/. Президент России Владимир Путин провел совещание с членами Совета безопасности.', 8))
      .toEqual('41fw1j.85mp7t.1c4902.55vq9f.btjnv.1e2aaq.2gb0xl.2e9bjb');
  });

  it('keys bands of three rows, which no four-row key stored before 2026-12-08 can equal', () => {
    const keys = bandKeys(minhash(seed));
    expect(keys[0]).toEqual('0:1od9i.tk07.18i44');
    expect(keys[1]).toEqual('1:251xs.88yjc.kd96');
    for (const key of keys) expect(key.split('.')).toHaveLength(3);
  });

  it('makes a candidate of a story whose signature agrees on three rows in a row only', () => {
    const signature = minhash(seed);
    const other = signature.map((row, i) => (i < 3 ? row : row + 1));
    expect(bandKeys(other).filter((key) => bandKeys(signature).includes(key))).toEqual([bandKeys(signature)[0]]);
  });

  it('reads ASCII text with typographic punctuation into the same words as the Unicode path does', () => {
    // An inverted question mark is no letter or digit either: it adds no word, but sends the text down the Unicode path.
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ09 \n\t.,-\'"!?()@#_/\\\x00\x7f', ...TYPOGRAPHIC), maxLength: 200 }), (text) => {
        expect(minhash(text)).toEqual(minhash(`${text} ¿`));
      }),
      { numRuns: 500 },
    );
  });

  it('counts as typographic only characters that hold no letter or digit once folded', () => {
    for (const character of TYPOGRAPHIC) expect(character.toLowerCase().normalize('NFKC')).not.toMatch(/[\p{L}\p{N}]/u);
  });

  it('is deterministic and gives one key per band for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const keys = bandKeys(minhash(text));
        expect(keys).toHaveLength(BANDS);
        expect(bandKeys(minhash(text))).toEqual(keys);
        expect(estimatedJaccard(minhash(text), minhash(text))).toBe(1);
      }),
      { numRuns: 200 },
    );
  });

  // The audit's Xinhua story (finding 8), as a second agency rewrote it: 新华社 → 中新网 and one character changed.
  const xinhua = '习近平会见法国总统马克龙\n新华社北京１２月７日电 国家主席习近平7日在人民大会堂会见了来访的法国总统马克龙。双方就中法关系和共同关心的国际问题交换了意见。';
  const chinaNews = xinhua.replace('新华社', '中新网').replace('交换了意见', '交流了意见');
  const coldWave = '中央气象台发布寒潮预警\n新华社北京１２月７日电 中央气象台7日发布寒潮蓝色预警，预计未来三天北方大部地区气温将下降8至10摄氏度，并伴有大风和降雪。';

  it('finds the same Chinese story from two agencies, as it does an English one', () => {
    expect(shareBand(xinhua, chinaNews)).toBe(true);
    expect(estimatedJaccard(minhash(xinhua), minhash(chinaNews))).toBeGreaterThanOrEqual(SAME_STORY);
  });

  it('keeps unrelated Chinese stories from the same agency and city apart', () => {
    expect(estimatedJaccard(minhash(xinhua), minhash(coldWave))).toBeLessThan(0.2);
  });

  it('finds a Japanese story rewritten by another outlet', () => {
    const kyodo = '首相、新たな経済対策を発表\n【東京共同】岸田文雄首相は７日、首相官邸で記者会見し、新たな経済対策を発表した。政府は来年度予算案に盛り込む方針だ。';
    const jiji = kyodo.replace('【東京共同】', '【時事】').replace('盛り込む', '盛りこむ');
    expect(shareBand(kyodo, jiji)).toBe(true);
    expect(estimatedJaccard(minhash(kyodo), minhash(jiji))).toBeGreaterThanOrEqual(SAME_STORY);
  });
});
