import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bandKeys, BANDS, estimatedJaccard, minhash, SAME_STORY } from './minhash';

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
});
