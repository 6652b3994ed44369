import { ledeWords, wordOverlap } from './lede-words';

describe('lede words', () => {
  it('reads the distinct folded content words of the headline and first paragraph, "battery" and "batteries" as one', () => {
    expect(ledeWords('Fire at battery warehouse', 'Firefighters said the batteries burned.\n\nA second paragraph.')).toEqual(['fire', 'batter', 'warehouse', 'firefighter', 'burn']);
  });

  it('measures the share of the smaller set the other holds', () => {
    expect(wordOverlap(['fire', 'warehouse', 'rotterdam'], ['fire', 'warehouse', 'port', 'smoke'])).toBeCloseTo(2 / 3);
    expect(wordOverlap([], ['fire'])).toBe(0);
  });
});
