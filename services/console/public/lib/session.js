import { html } from './html.js';

// The console holds no key of its own: the services answer it with whatever the key its user signed
// in with may read. The key stays in this tab only (sessionStorage: gone when the tab closes, not
// shared with other tabs); where storage is refused, in this page's memory until it is left.
const STORAGE_NAME = 'newsflow-console-key';
let memoryKey;

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function storedKey() {
  try {
    return storage()?.getItem(STORAGE_NAME) ?? memoryKey;
  } catch {
    return memoryKey;
  }
}

export function signIn(key) {
  memoryKey = key;
  try {
    storage()?.setItem(STORAGE_NAME, key);
  } catch {
    // Kept in memory only (above).
  }
}

export function signOut() {
  memoryKey = undefined;
  try {
    storage()?.removeItem(STORAGE_NAME);
  } catch {
    // Nothing was stored.
  }
}

/** The sign-in route, returning to `then` (the current route by default) once a key is accepted. */
export function signInHash(then = location.hash) {
  return `#/sign-in?${new URLSearchParams({ then: then || '#/' })}`;
}

/** After an API error: a link to sign in when the service wanted a key (401) or a better one (403). */
export function signInHint(error) {
  if (error?.status !== 401 && error?.status !== 403) return '';
  return html` <a href="${signInHash()}" data-testid="sign-in-hint">${error.status === 401 ? 'Sign in' : 'Sign in with another key'}</a>`;
}
