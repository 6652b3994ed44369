/**
 * StoryBandRepository's find/register without Redis, for the evaluation: a band key holds the first
 * story registered with it (SET NX), a name-pair key the latest (SET), a story key the latest entry for
 * its article (SET); bands and stories expire BAND_TTL_SECONDS after they were written, name-pair keys
 * NAME_KEY_TTL_SECONDS, on a clock the evaluation sets to each article's publishedAt (live ingest
 * registers a story about when it is published).
 */
const BAND_TTL_MS = 14 * 24 * 3600 * 1000;
const NAME_KEY_TTL_MS = 24 * 3600 * 1000;

class InMemoryBandStore {
  constructor() {
    this.now = 0;
    this.bands = new Map();
    this.namePairs = new Map();
    this.stories = new Map();
  }

  live(map, key) {
    const held = map.get(key);
    if (!held || held.expiresAt <= this.now) return undefined;
    return held.value;
  }

  async find(bands, namePairs = []) {
    const named = [...bands.map((band) => this.live(this.bands, band)), ...namePairs.map((pair) => this.live(this.namePairs, pair))];
    const ids = new Set(named.filter((id) => id !== undefined));
    return [...ids].map((id) => this.live(this.stories, id)).filter((entry) => entry !== undefined);
  }

  async register(bands, entry, namePairs = []) {
    const expiresAt = this.now + BAND_TTL_MS;
    this.stories.set(entry.articleId, { value: entry, expiresAt });
    for (const band of bands) if (!this.live(this.bands, band)) this.bands.set(band, { value: entry.articleId, expiresAt });
    for (const pair of namePairs) this.namePairs.set(pair, { value: entry.articleId, expiresAt: this.now + NAME_KEY_TTL_MS });
  }
}

module.exports = { InMemoryBandStore };
