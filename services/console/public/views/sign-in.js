import { getJson } from '../lib/api.js';
import { html, mount } from '../lib/html.js';
import { navigate } from '../lib/navigate.js';
import { signIn } from '../lib/session.js';

/** Only a route of the console itself, and never the sign-in again, is where a sign-in returns to. */
export function returnRoute(then) {
  return then && then.startsWith('#/') && !then.startsWith('#/sign-in') ? then : '#/';
}

/**
 * Why a key is not taken, from what /api/access answered with it and without any key; undefined
 * when it may read something that no key may. Where reads are open, the indexer cannot tell a read
 * key from a typo, so a key that is not ingest's admin key adds nothing and is not kept.
 */
export function refusal(withKey, withoutKey) {
  if (withKey.deadLetters || (withKey.articles && withoutKey.articles === false)) return undefined;
  if (withKey.articles === null || withKey.deadLetters === null) return 'The key could not be checked: the indexer or ingest did not answer. Try again in a moment.';
  if (withKey.articles) return "This key adds nothing here: anyone may read articles on this deployment, and it is not ingest's admin key.";
  return "This key is not accepted: it is neither a read key (READ_API_KEYS) nor ingest's admin key.";
}

/**
 * The key is checked against the services before it is kept: a key they refuse is reported in the
 * form (a `role="alert"` region, read out by screen readers), the field marked invalid and focused again.
 */
export function renderSignIn(view, params) {
  const then = returnRoute(params.get('then'));
  mount(view, html`
    <section class="card sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <p id="sign-in-help" class="muted">The console reads the pipeline with your key: a read key (one of <code>READ_API_KEYS</code>) for search and articles, ingest's admin key for dead letters. It is kept in this tab only, until you sign out or close it.</p>
      <form id="sign-in-form" novalidate>
        <label for="sign-in-key">API key</label>
        <input id="sign-in-key" name="key" type="password" autocomplete="current-password" spellcheck="false" required aria-describedby="sign-in-help sign-in-error">
        <p id="sign-in-error" class="error" role="alert" data-testid="sign-in-error"></p>
        <button type="submit">Sign in</button>
      </form>
    </section>`);
  const form = view.querySelector('#sign-in-form');
  const input = view.querySelector('#sign-in-key');
  const error = view.querySelector('#sign-in-error');
  const button = form.querySelector('button');
  const fail = (message) => {
    input.setAttribute('aria-invalid', 'true');
    // Emptied first, so the same message after a second attempt is announced again.
    error.textContent = '';
    setTimeout(() => (error.textContent = message), 50);
    input.focus();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) return fail('Enter a key.');
    button.disabled = true;
    let answers;
    try {
      answers = await Promise.all([getJson('/api/access', { key }), getJson('/api/access', { key: '' })]);
    } catch (failure) {
      return fail(`The key could not be checked: ${failure.message}`);
    } finally {
      button.disabled = false;
    }
    const why = refusal(...answers);
    if (why) return fail(why);
    signIn(key);
    window.dispatchEvent(new Event('newsflow:session'));
    navigate(then);
  });
  input.focus();
}
