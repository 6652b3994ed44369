/**
 * StoryBandRepository's find/register without Redis, for the evaluation: a band key holds the first
 * story registered with it (SET NX), a story key the latest entry for its article (SET), and both
 * expire BAND_TTL_SECONDS after they were written, on a clock the evaluation sets to each article's
 * publishedAt (live ingest registers a story about when it is published).
 */
const BAND_TTL_MS = 14 * 24 * 3600 * 1000;

class InMemoryBandStore {
  constructor() {
    this.now = 0;
    this.bands = new Map();
    this.stories = new Map();
  }

  live(map, key) {
    const held = map.get(key);
    if (!held || held.expiresAt <= this.now) return undefined;
    return held.value;
  }

  async find(bands) {
    const ids = new Set(bands.map((band) => this.live(this.bands, band)).filter((id) => id !== undefined));
    return [...ids].map((id) => this.live(this.stories, id)).filter((entry) => entry !== undefined);
  }

  async register(bands, entry) {
    const expiresAt = this.now + BAND_TTL_MS;
    this.stories.set(entry.articleId, { value: entry, expiresAt });
    for (const band of bands) if (!this.live(this.bands, band)) this.bands.set(band, { value: entry.articleId, expiresAt });
  }
}

module.exports = { InMemoryBandStore };
