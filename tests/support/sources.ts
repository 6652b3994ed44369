import { randomBytes } from 'node:crypto';

export const ADMIN_API_KEY = `test-admin-${randomBytes(12).toString('hex')}`;

/** Registers a source through ingest's admin API and returns its one-time API key. */
export async function createSource(ingestUrl: string, id: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${ingestUrl}/v1/admin/sources`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_API_KEY}` },
    body: JSON.stringify({ id, name: id, ...extra }),
  });
  if (response.status !== 201) throw new Error(`creating source ${id}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { apiKey: string }).apiKey;
}

/** POSTs one article to ingest as a source, expects it accepted (202) and returns its id. */
export async function submitArticle(ingestUrl: string, apiKey: string, article: Record<string, unknown>, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${ingestUrl}/v1/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, ...headers },
    body: JSON.stringify(article),
  });
  if (response.status !== 202) throw new Error(`submitting an article: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}
