import { escapeHtml, markHtml, mergeRanges } from './mark-matches';

describe('markHtml', () => {
  it('escapes every character of the text, inside marks too, so only <mark> is a tag', () => {
    const text = '<script>alert("x")</script> & Tom\'s <b>strike</b>';
    const start = text.indexOf('strike');
    const html = markHtml(text, [{ start: 0, end: 8 }, { start, end: start + 6 }]);
    expect(html).toBe('<mark>&lt;script&gt;</mark>alert(&quot;x&quot;)&lt;/script&gt; &amp; Tom&#39;s &lt;b&gt;<mark>strike</mark>&lt;/b&gt;');
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/);
    expect(escapeHtml('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&#39;');
  });

  it('joins overlapping and touching matches, and cuts those reaching past the stretch', () => {
    expect(mergeRanges([{ start: 4, end: 6 }, { start: 0, end: 2 }, { start: 1, end: 3 }, { start: 6, end: 7 }])).toEqual([{ start: 0, end: 3 }, { start: 4, end: 7 }]);
    expect(markHtml('习近平会见马克龙', [{ start: 0, end: 2 }, { start: 1, end: 3 }])).toBe('<mark>习近平</mark>会见马克龙');
    expect(markHtml('one two three', [{ start: 4, end: 7 }], 5, 13)).toBe('<mark>wo</mark> three');
  });
});
