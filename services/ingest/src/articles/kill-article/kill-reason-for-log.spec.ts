import { killReasonForLog, LOGGED_KILL_REASON_CHARS } from './kill-reason-for-log';

describe('killReasonForLog', () => {
  it('logs a reference whole, and nothing for no reason', () => {
    expect(killReasonForLog('Court order 2026/0451')).toBe('Court order 2026/0451');
    expect(killReasonForLog('x'.repeat(LOGGED_KILL_REASON_CHARS))).toHaveLength(LOGGED_KILL_REASON_CHARS);
    expect(killReasonForLog(undefined)).toBeNull();
    expect(killReasonForLog('')).toBeNull();
  });

  it('cuts what follows the reference, marked as cut', () => {
    const logged = killReasonForLog('Court order 2026/555 (ref LR-77): protect the witness Brindlewick Osterhal, of 9 Rue Quintalon');
    expect(logged).toBe('Court order 2026/555 (ref LR-77): protect the wi…');
    expect(logged).not.toMatch(/Brindlewick|Osterhal|Quintalon/);
  });

  it('counts characters, not UTF-16 units, and never splits one', () => {
    const emoji = '\u{1F4C4}'.repeat(LOGGED_KILL_REASON_CHARS + 2);
    expect(Array.from(killReasonForLog(emoji) ?? '')).toHaveLength(LOGGED_KILL_REASON_CHARS + 1);
    expect(killReasonForLog(emoji)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
