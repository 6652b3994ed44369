// Every value interpolated into markup goes through here: article text, entity names and anything a
// service returns are untrusted, so they are escaped unless explicitly built as markup by `html`.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

class SafeHtml {
  constructor(text) {
    this.text = text;
  }
  toString() {
    return this.text;
  }
}

function render(value) {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(value);
}

/** Tagged template: the literal parts are markup, every `${value}` is escaped (arrays and nested `html` are joined). */
export function html(strings, ...values) {
  return new SafeHtml(strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i]) : ''), ''));
}

/** Markup produced by code in this folder from escaped pieces (see highlight.js). */
export function trusted(markup) {
  return new SafeHtml(markup);
}

export function mount(element, content) {
  element.innerHTML = render(content);
}

/** Only http(s) links leave the console; anything else (javascript:, data:) is dropped. */
export function externalUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
