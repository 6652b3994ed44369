import { highlightArticle, MAX_SCANNED_BODY, queryWords } from './highlight-article';

const unmarked = (html: string) => html.replace(/<\/?mark>/g, '');
const marks = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);

describe('highlightArticle', () => {
  it('marks the accented spelling a folded query matches, headline whole and body in fragments', () => {
    const body = `${'Filler words about weather. '.repeat(20)}Rain fell on São Paulo overnight. ${'More filler here. '.repeat(30)}`;
    const h = highlightArticle('sao paulo', { headline: 'Floods in São Paulo', body });
    expect(h.headline).toBe('Floods in <mark>São</mark> <mark>Paulo</mark>');
    expect(h.body).toHaveLength(1);
    expect(marks(h.body[0])).toEqual(['São', 'Paulo']);
    expect(h.body[0]).toMatch(/^….*…$/);
    expect(unmarked(h.body[0]).length).toBeGreaterThanOrEqual(150);
    expect(unmarked(h.body[0]).length).toBeLessThanOrEqual(202);
    // Cut at spaces: whole words at both ends.
    const inner = unmarked(h.body[0]).slice(1, -1);
    const at = body.indexOf(inner);
    expect([body[at - 1], body[at + inner.length]]).toEqual([' ', ' ']);
    expect(h.matchedTerms).toEqual(['sao', 'paulo']);
    expect(h.matchedWords).toEqual(['São', 'Paulo']);
  });

  it('escapes markup in the article, never emitting an unescaped < from its text', () => {
    const h = highlightArticle('strike', { headline: '<script>alert(1)</script> strike', body: 'The <img src=x onerror=alert(1)> strike & "walkout".' });
    expect(h.headline).toBe('&lt;script&gt;alert(1)&lt;/script&gt; <mark>strike</mark>');
    expect(h.body).toEqual(['The &lt;img src=x onerror=alert(1)&gt; <mark>strike</mark> &amp; &quot;walkout&quot;.']);
    for (const html of [h.headline as string, ...h.body]) expect(html.replace(/<\/?mark>/g, '')).not.toContain('<');
  });

  it('marks folded letters of another length, stems and CJK words inside a sentence', () => {
    expect(highlightArticle('mohrenstrasse', { headline: 'Die Mohrenstraße wird umbenannt', body: 'x' }).headline).toBe('Die <mark>Mohrenstraße</mark> wird umbenannt');
    expect(highlightArticle('courts', { headline: 'The court ruled', body: 'x' }).headline).toBe('The <mark>court</mark> ruled');
    const cjk = highlightArticle('习近平', { headline: '新华社电 习近平会见法国总统马克龙', body: '国家主席习近平7日在北京会见法国总统马克龙。' });
    expect(cjk.headline).toBe('新华社电 <mark>习近平</mark>会见法国总统马克龙');
    expect(cjk.body).toEqual(['国家主席<mark>习近平</mark>7日在北京会见法国总统马克龙。']);
    expect(cjk.matchedTerms).toEqual(['习近平']);
    expect(cjk.matchedWords).toEqual(['习近平']);
  });

  it('keeps astral characters whole', () => {
    const h = highlightArticle('𠮷野家', { headline: '𠮷野家の新メニュー', body: `${'𠮷'.repeat(300)} 𠮷野家 ${'𠮷'.repeat(300)}` });
    expect(h.headline).toBe('<mark>𠮷野家</mark>の新メニュー');
    expect(h.body).toHaveLength(1);
    expect(() => encodeURIComponent(h.body[0])).not.toThrow();
    expect(marks(h.body[0]).join('')).toContain('𠮷野家');
  });

  it('marks nothing for a stop word alone, and an acronym only in capitals', () => {
    const stop = highlightArticle('the', { headline: 'The end of the strike', body: 'The strike is over.' });
    expect(stop).toEqual({ body: [], matchedTerms: [], matchedWords: [] });
    const who = highlightArticle('WHO', { headline: 'WHO warns of outbreak', body: 'Experts who study it said the WHO was right.' });
    expect(who.headline).toBe('<mark>WHO</mark> warns of outbreak');
    expect(marks(who.body[0])).toEqual(['WHO']);
  });

  it('gives a headline-only match no body fragments, and no field for a part without a match', () => {
    const h = highlightArticle('zephyrquake', { headline: 'Zephyrquake toll rises', summary: 'Rescuers search.', body: 'Rescuers searched the rubble.' });
    expect(h).toEqual({ headline: '<mark>Zephyrquake</mark> toll rises', body: [], matchedTerms: ['zephyrquake'], matchedWords: ['Zephyrquake'] });
    expect(highlightArticle('rubble', { headline: 'x', summary: 'The rubble', body: 'y' }).summary).toBe('The <mark>rubble</mark>');
  });

  it('picks up to three passages, the ones with most distinct terms first, shown in document order', () => {
    const filler = (n: number) => 'lorem ipsum dolor sit amet. '.repeat(n);
    const body = `${filler(10)}strike alone. ${filler(10)}strike strike strike. ${filler(10)}strike over pay in London. ${filler(10)}London alone. ${filler(10)}strike once.`;
    const h = highlightArticle('strike london', { headline: 'x', body });
    expect(h.body).toHaveLength(3);
    // Both terms first, then the most matches of one; of the passages left with one match, the first.
    expect(h.body.map(marks)).toEqual([['strike'], ['strike', 'strike', 'strike'], ['strike', 'London']]);
    expect(unmarked(h.body[0])).toContain('strike alone');
    // Non-overlapping: no match is shown twice.
    expect(h.body.flatMap(marks)).toHaveLength(6);
  });

  it('scans a long body only so far, and quickly', () => {
    const long = `${'word '.repeat(MAX_SCANNED_BODY / 5)}needle ${'word '.repeat(200_000)}`;
    const started = Date.now();
    expect(highlightArticle('needle word', { headline: 'x', body: long }).matchedTerms).toEqual(['word']);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(highlightArticle('needle', { headline: 'x', body: `needle ${long}` }).body[0]).toMatch(/^<mark>needle<\/mark> word/);
  });

  it('reads the query as the search does: its words with their terms, overlapping CJK pairs as one word', () => {
    expect(queryWords('São Paulo the 习近平').map((w) => [w.word, [...w.terms]])).toEqual([['São', ['sao']], ['Paulo', ['paulo']], ['习近平', ['习近', '近平']]]);
  });
});
