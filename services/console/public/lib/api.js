import { storedKey } from './session.js';

/**
 * The console's own API, with the signed-in key (or `key`) as `Authorization: Bearer`; an error
 * carries the problem+json detail the server sent and its status (401: sign in; 403: this key may
 * not read it).
 */
export async function getJson(path, { key = storedKey() } = {}) {
  const headers = { accept: 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await fetch(path, { headers });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${path}: HTTP ${response.status}, not JSON`);
  }
  if (!response.ok) {
    const error = new Error(body.detail || body.message || `HTTP ${response.status}`);
    error.status = response.status;
    error.parameter = body.parameter;
    throw error;
  }
  return body;
}
