import { contentHashOf } from '../article-identity';
import { copyFingerprintOf, normalizedCopyOf, takenDownCopiesOf } from './copy-fingerprint';

const HEADLINE = 'Court hears Ellerbrook defamation claim';
const BODY = 'LEEDS - A defamation claim over the "Ellerbrook" report was heard on Tuesday.\n\nThe hearing continues.';

describe('normalizedCopyOf', () => {
  it('folds case, compatibility forms and typographic dashes and quotes, and collapses whitespace', () => {
    expect(normalizedCopyOf('  ＣＯＵＲＴ   hears\u00A0ﬁnal  ', 'Claim\u2011heard — “Ellerbrook” isn\u2019t\r\n\tover.')).toBe('court hears final claim-heard - "ellerbrook" isn\'t over.');
    expect(normalizedCopyOf('STRAßE', 'ΟΔΥΣΣΕΥΣ')).toBe(normalizedCopyOf('strasse', 'οδυσσευσ'));
  });

  it('removes invisible characters, and keeps the space a run of them sits in', () => {
    expect(normalizedCopyOf('tk\u200B-1', 'a\u200Db\u00ADc\uFEFFd\u2060e\uFE0F')).toBe('tk-1\nabcde'.replace('\n', ' '));
    expect(normalizedCopyOf('a \u200B b', 'c\u200B\u00A0d')).toBe('a b c d');
  });

  it('keeps what a reader sees as different copy different', () => {
    expect(normalizedCopyOf(HEADLINE, BODY)).not.toBe(normalizedCopyOf(HEADLINE, BODY.replace('Tuesday', 'Wednesday')));
    expect(normalizedCopyOf('ab', 'c')).not.toBe(normalizedCopyOf('a b', 'c'));
    expect(normalizedCopyOf('a.', 'b')).not.toBe(normalizedCopyOf('a', 'b'));
  });
});

describe('copyFingerprintOf', () => {
  it('is the same for the copy resent with trivial changes, and a hash, not the copy', () => {
    const fingerprint = copyFingerprintOf(HEADLINE, BODY);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(copyFingerprintOf(HEADLINE.toUpperCase(), BODY.replace(/ /g, '  ').replace('defamation', 'defa\u200Bmation').replace(' - ', ' \u2013 '))).toBe(fingerprint);
    expect(copyFingerprintOf(HEADLINE, `${BODY} Updated.`)).not.toBe(fingerprint);
  });

  it('costs well under a millisecond for a 4 KB article', () => {
    const words = 'the council approved a budget for the harbour and its dredging plan after a long debate'.split(' ');
    const body = Array.from({ length: 700 }, (_, k) => words[(k * 7) % words.length]).join(' ').slice(0, 4096);
    const rounds = 2000;
    for (let k = 0; k < 200; k++) copyFingerprintOf(HEADLINE, body);
    const started = process.hrtime.bigint();
    for (let k = 0; k < rounds; k++) copyFingerprintOf(HEADLINE, body);
    const perArticleUs = Number(process.hrtime.bigint() - started) / 1000 / rounds;
    if (process.env.SHOW_FINGERPRINT_COST) console.log(`copyFingerprintOf: ${perArticleUs.toFixed(1)} µs per 4 KB article`);
    // Generous for a shared CI machine; at ~200 submissions/s even 1 ms would be 20% of a core.
    expect(perArticleUs).toBeLessThan(1000);
  });
});

describe('takenDownCopiesOf', () => {
  it('keeps the hashes of every version that carried copy, not of canceled ones, once each', () => {
    const v1 = { headline: HEADLINE, body: BODY, contentHash: contentHashOf(HEADLINE, BODY), pubStatus: 'usable' as const };
    const embargoed = { ...v1, body: `${BODY} More.`, contentHash: contentHashOf(HEADLINE, `${BODY} More.`, { embargoedUntil: '2026-12-08T00:00:00Z' }) };
    const kill = { headline: 'Story withdrawn', body: 'This story has been withdrawn.', contentHash: 'kill', pubStatus: 'canceled' as const };
    const copies = takenDownCopiesOf([v1, { ...v1 }, embargoed, kill]);
    expect(copies.copyFingerprints).toEqual([copyFingerprintOf(HEADLINE, BODY), copyFingerprintOf(HEADLINE, `${BODY} More.`)]);
    expect(copies.contentHashes).toEqual([v1.contentHash, embargoed.contentHash, contentHashOf(HEADLINE, `${BODY} More.`)]);
    expect(JSON.stringify(copies)).not.toMatch(/Ellerbrook|withdrawn/);
  });
});
