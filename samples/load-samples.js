// Loads the bundled sample articles as native-JSON submissions for ingest (used by `npm start` and the tests).
const fs = require('node:fs');
const path = require('node:path');

const ARTICLES_DIR = path.join(__dirname, 'articles');

/**
 * The seed article is the plain text of a wire story page: headline, paragraphs, then the weather
 * strip that page showed ("Mon 6:00 / light rain / 13.01 ..."), which is not part of the story.
 */
function parseStoryText(text) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const headline = lines[0].trim();
  const stripStart = lines.findIndex((l) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/.test(l.trim()));
  const bodyLines = lines.slice(1, stripStart === -1 ? undefined : stripStart);
  const body = bodyLines.join('\n').trim().replace(/\n{3,}/g, '\n\n');
  return { headline, body };
}

function loadSamples() {
  const files = fs.readdirSync(ARTICLES_DIR).sort();
  return files.map((file) => {
    const full = path.join(ARTICLES_DIR, file);
    if (file.endsWith('.json')) return { file, request: JSON.parse(fs.readFileSync(full, 'utf8')) };
    const { headline, body } = parseStoryText(fs.readFileSync(full, 'utf8'));
    const request = {
      source: 'sample-wire',
      sourceName: 'Sample Wire',
      sourceItemId: path.basename(file, path.extname(file)),
      headline,
      body,
      language: 'en',
      publishedAt: '2025-11-24T09:00:00Z',
    };
    return { file, request };
  });
}

function seedArticleRequest() {
  return loadSamples().find((s) => s.file === 'seed-article.txt').request;
}

module.exports = { loadSamples, seedArticleRequest, parseStoryText };
