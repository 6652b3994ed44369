import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// As marked-text.spec.ts: public/lib is browser code, imported by a child node as an ES module.
function formatHitTimes(items: object[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'console-lib-'));
  try {
    cpSync(join(__dirname, '..', '..', 'public', 'lib'), dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
    const script = `
      const { formatHitTime } = await import(${JSON.stringify(pathToFileURL(join(dir, 'format.js')).href)});
      console.log(JSON.stringify(${JSON.stringify(items)}.map((item) => formatHitTime(item))));`;
    return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('formatHitTime (console search results)', () => {
  it('shows a story released from embargo by its release, the time the list sorts it by, and an expiry', () => {
    const published = '2026-12-07T10:00:00.000Z';
    const [plain, released, expiring] = formatHitTimes([
      { publishedAt: published, releasedAt: published },
      { publishedAt: published, releasedAt: '2026-12-07T21:00:00.000Z' },
      { publishedAt: published, releasedAt: published, expiresAt: '2027-01-06T00:00:00.000Z' },
    ]);
    expect(plain).toBe('7 Dec 2026, 10:00 UTC');
    expect(released).toBe('released 7 Dec 2026, 21:00 UTC · published 7 Dec 2026, 10:00 UTC');
    expect(expiring).toBe('7 Dec 2026, 10:00 UTC · expires 6 Jan 2027, 00:00 UTC');
  });
});
