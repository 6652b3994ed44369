import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// public/ is browser code (ES modules, no build) in a CommonJS package: a copy of its lib/ under a
// `"type": "module"` package.json is imported by a child node as it is, the way the browser does.
function markedText(inputs: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'console-lib-'));
  try {
    cpSync(join(__dirname, '..', '..', 'public', 'lib'), dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
    const script = `
      const { markedText } = await import(${JSON.stringify(pathToFileURL(join(dir, 'marked-text.js')).href)});
      console.log(JSON.stringify(${JSON.stringify(inputs)}.map((s) => String(markedText(s)))));`;
    return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('markedText (console search snippets)', () => {
  it('keeps the indexer\'s marks and escaped text, and turns anything else into visible text', () => {
    const [plain, escaped, hostile, unclosed] = markedText([
      'Lyon se prépare pour la <mark>Fête</mark> des <mark>Lumières</mark>',
      '<mark>AT&amp;T</mark> said &lt;b&gt; is &quot;bold&quot; &#39;ok&#39;',
      '<mark onclick="x">a</mark><img src=x onerror=alert(1)><script>alert(1)</script>',
      '<mark>open',
    ]);
    expect(plain).toBe('Lyon se prépare pour la <mark>Fête</mark> des <mark>Lumières</mark>');
    expect(escaped).toBe('<mark>AT&amp;T</mark> said &lt;b&gt; is &quot;bold&quot; &#39;ok&#39;');
    expect(hostile).not.toMatch(/<(?!\/?mark>)/);
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(unclosed).toBe('<mark>open</mark>');
  });
});
