import { formatTime } from '../lib/format.js';
import { html } from '../lib/html.js';

const STEPS = ['received', 'enriched', 'weather', 'indexed'];

/** received → enriched → weather → indexed, each lit when ingest recorded it; a failure names its stage. */
export function stageChips(status) {
  if (!status) return html`<span class="muted small">no status in ingest</span>`;
  if (status.error) return html`<span class="error small" title="${status.error}">status unavailable</span>`;
  return html`<span class="steps" data-stage="${status.stage}">${STEPS.map((step) => {
    const at = status.steps?.[step];
    return html`<span class="step ${at ? 'done' : ''}" title="${at ? `${step} ${formatTime(at)}` : `${step}: not yet`}">${step}</span>`;
  })}${status.stage === 'failed' ? html`<span class="step failed" title="${status.failure?.message ?? ''}">failed in ${status.failure?.stage ?? '?'}</span>` : ''}</span>`;
}
