import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// As marked-text.spec.ts: public/ is browser code, imported by a child node as ES modules. The
// script's last expression is printed as JSON.
function inBrowserCode(body: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'console-public-'));
  try {
    cpSync(join(__dirname, '..', '..', 'public'), dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
    const url = (file: string) => JSON.stringify(pathToFileURL(join(dir, file)).href);
    const script = `
      const session = await import(${url('lib/session.js')});
      const signInView = await import(${url('views/sign-in.js')});
      console.log(JSON.stringify(await (async () => { ${body} })()));`;
    return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('console sign-in (browser code)', () => {
  it('returns only to a route of the console, never to the sign-in itself', () => {
    expect(inBrowserCode(`return ['#/search?q=x', '#/sign-in?then=%23%2F', 'https://elsewhere.example/', '', null].map((t) => signInView.returnRoute(t));`))
      .toEqual(['#/search?q=x', '#/', '#/', '#/', '#/']);
  });

  it('takes a key that may read what no key may, and says why it refuses one that may not', () => {
    const locked = '{ articles: false, deadLetters: false }';
    const open = '{ articles: true, deadLetters: false }';
    expect(inBrowserCode(`return [
      [{ articles: true, deadLetters: false }, ${locked}], [{ articles: false, deadLetters: true }, ${locked}],
      [{ articles: true, deadLetters: true }, ${open}], [{ articles: true, deadLetters: false }, ${open}],
      [{ articles: false, deadLetters: false }, ${locked}], [{ articles: false, deadLetters: null }, ${locked}],
    ].map(([withKey, withoutKey]) => signInView.refusal(withKey, withoutKey) ?? 'taken');`)).toEqual([
      'taken', 'taken', 'taken',
      "This key adds nothing here: anyone may read articles on this deployment, and it is not ingest's admin key.",
      "This key is not accepted: it is neither a read key (READ_API_KEYS) nor ingest's admin key.",
      'The key could not be checked: the indexer or ingest did not answer. Try again in a moment.',
    ]);
  });

  it('offers to sign in after a 401 and to sign in with another key after a 403, and nothing after other errors', () => {
    expect(inBrowserCode(`globalThis.location = { hash: '#/search?q=x' };
      return [401, 403, 400, undefined].map((status) => String(session.signInHint({ status })));`)).toEqual([
      ' <a href="#/sign-in?then=%23%2Fsearch%3Fq%3Dx" data-testid="sign-in-hint">Sign in</a>',
      ' <a href="#/sign-in?then=%23%2Fsearch%3Fq%3Dx" data-testid="sign-in-hint">Sign in with another key</a>',
      '', '',
    ]);
  });

  it('keeps the key for the page where the browser refuses storage, and forgets it on sign-out', () => {
    expect(inBrowserCode(`session.signIn('rk_0123456789abcdef');
      const kept = session.storedKey();
      session.signOut();
      return [kept, session.storedKey() ?? null];`)).toEqual(['rk_0123456789abcdef', null]);
  });
});
