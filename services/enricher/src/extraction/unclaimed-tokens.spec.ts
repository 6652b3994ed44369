import fc from 'fast-check';
import { Token } from './tokenise';
import { unclaimedTokens } from './unclaimed-tokens';

const token = (start: number, end: number): Token => ({ text: 'x'.repeat(end - start), start, end, sentenceStart: false });
const overlapsAny = (t: Token, spans: { start: number; end: number }[]) => spans.some((s) => t.start < s.end && t.end > s.start);

describe('unclaimedTokens', () => {
  it('leaves out the tokens a date, an event or the dateline claimed', () => {
    const tokens = [token(0, 6), token(7, 10), token(11, 18), token(19, 21), token(22, 30)];
    expect(unclaimedTokens(tokens, [{ start: 11, end: 21 }]).map((t) => t.start)).toEqual([0, 7, 22]);
    expect(unclaimedTokens(tokens, []).map((t) => t.start)).toEqual([0, 7, 11, 19, 22]);
  });

  it('keeps exactly the tokens that overlap no span, for spans in any order, nested, empty or overlapping', () => {
    const span = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 12 })).map(([start, length]) => ({ start, end: start + length }));
    // Tokens as tokenise gives them (in order, apart), and now and then one out of order.
    const tokens = fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 8 })), { maxLength: 15 }).chain((gaps) => {
      let at = 0;
      const inOrder = gaps.map(([gap, length]) => token((at += gap), (at += length)));
      return fc.boolean().map((shuffle) => (shuffle && inOrder.length > 2 ? [inOrder[2], ...inOrder.slice(0, 2), ...inOrder.slice(3)] : inOrder));
    });
    fc.assert(
      fc.property(tokens, fc.array(span, { maxLength: 8 }), (ts, spans) => {
        expect(unclaimedTokens(ts, spans)).toEqual(ts.filter((t) => !overlapsAny(t, spans)));
      }),
      { numRuns: 5000 },
    );
  });
});
