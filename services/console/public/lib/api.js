/** The console's own API; an error carries the problem+json detail the server sent. */
export async function getJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
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
