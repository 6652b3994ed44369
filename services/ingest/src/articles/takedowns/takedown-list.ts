import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Article } from '@newsflow/contracts';
import { copyFingerprintOf, TakenDownCopies } from './copy-fingerprint';
import { Takedown, TakedownRepository } from './takedown.repository';

/**
 * How often an instance asks whether another one changed the list: one read by `_id` of a single
 * document, so a lift or another instance's kill applies everywhere within about this.
 */
export const TAKEDOWNS_POLL_MS = 2_000;
/**
 * From listing an article until every instance surely refuses it: a poll, the read, and as long
 * again for a submission that passed the check just before to store its version. The operator's
 * kill waits this long before it makes the canceled version, so a resend another instance accepted
 * meanwhile lands before the kill, not after it (where it would bring the story back).
 */
export const TAKEDOWNS_PROPAGATION_MS = 2 * TAKEDOWNS_POLL_MS;
/** Also without a change of generation (one whose write failed after its entry was written), the list is reread this often. */
export const TAKEDOWNS_RELOAD_MS = 60_000;

/**
 * The articles operators took down, held in memory and checked on every submission: a map lookup,
 * not a query (on FerretDB a find by `_id` that misses scans the whole collection, and nearly every
 * submission would miss). Loaded before ingest listens, so no submission is taken unchecked; this
 * instance's own changes apply at once, other instances' within TAKEDOWNS_POLL_MS. When the store
 * cannot be read the last list stays in force (logged once per outage): a takedown must not lapse
 * because MongoDB was away for a moment.
 *
 * Beside the ids it holds the taken-down copies' fingerprints, read, changed and lifted with their
 * entries, so the copy is refused under any article id too (see findCopy).
 */
@Injectable()
export class TakedownList implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(TakedownList.name);
  private entries = new Map<string, Takedown>();
  /** Content hash, and normalized-copy fingerprint, of a taken-down version → its article id. */
  private byContentHash = new Map<string, string>();
  private byCopyFingerprint = new Map<string, string>();
  /** Articles whose refusal was logged already: once per takedown and instance, not per resend or feed poll. */
  private readonly refusalsLogged = { id: new Set<string>(), copy: new Set<string>() };
  private generation: string | null | undefined;
  private loadedAt = 0;
  /** Bumped by this instance's own changes: a reread that began before one must not undo it. */
  private localChanges = 0;
  private refreshing?: Promise<void>;
  private storeDown = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly repository: TakedownRepository) {}

  /** Throws when the store cannot be read: ingest does not start without the list. */
  async onModuleInit(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => void this.refresh(), TAKEDOWNS_POLL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  find(articleId: string): Takedown | undefined {
    return this.entries.get(articleId);
  }

  /**
   * The takedown whose copy this is, under whatever article id. The content hash is a map lookup;
   * the normalized copy costs one sweep of the text (~25 µs for 4 KB of English, ~120 µs of German
   * and Greek), made only while some takedown has a fingerprint: ingest without takedowns pays nothing.
   */
  findCopy(copy: Pick<Article, 'headline' | 'body' | 'contentHash'>): Takedown | undefined {
    const byHash = this.byContentHash.get(copy.contentHash);
    if (byHash) return this.entries.get(byHash);
    if (this.byCopyFingerprint.size === 0) return undefined;
    const byCopy = this.byCopyFingerprint.get(copyFingerprintOf(copy.headline, copy.body));
    return byCopy ? this.entries.get(byCopy) : undefined;
  }

  get size(): number {
    return this.entries.size;
  }

  /** True the first time this instance refuses the article (`by` its id, or its copy under another) since it was listed. */
  firstRefusal(articleId: string, by: 'id' | 'copy' = 'id'): boolean {
    if (this.refusalsLogged[by].has(articleId)) return false;
    this.refusalsLogged[by].add(articleId);
    return true;
  }

  /**
   * Lists the article here at once, then in the store, then tells the other instances. A second
   * takedown of a listed article keeps the first one's record. Throws when the store did not take
   * it: the kill is then refused, and killing again lists it.
   */
  async add(takedown: Takedown): Promise<Takedown> {
    this.localChanges += 1;
    const listed = this.entries.get(takedown._id);
    if (!listed) {
      this.entries.set(takedown._id, takedown);
      this.indexCopies();
    }
    const inserted = await this.repository.insert(takedown);
    // Also when listed already: the kill may be a retry of one whose bump failed after its insert.
    await this.repository.bumpGeneration();
    return listed ?? (inserted ? takedown : ((await this.repository.find(takedown._id)) ?? takedown));
  }

  /**
   * Adds the fingerprints a listed entry lacks: of a version accepted while the kill propagated, or
   * of every version when an entry listed before fingerprints were kept is killed again. Here at
   * once, then in the store, then tells the other instances. Nothing when it was lifted meanwhile.
   */
  async addCopies(articleId: string, copies: TakenDownCopies): Promise<void> {
    const entry = this.entries.get(articleId);
    if (!entry) return;
    const missing = (held: string[] | undefined, found: string[]) => found.filter((value) => !(held ?? []).includes(value));
    const added = { contentHashes: missing(entry.contentHashes, copies.contentHashes), copyFingerprints: missing(entry.copyFingerprints, copies.copyFingerprints) };
    if (added.contentHashes.length === 0 && added.copyFingerprints.length === 0) return;
    this.localChanges += 1;
    this.entries.set(articleId, { ...entry, contentHashes: [...(entry.contentHashes ?? []), ...added.contentHashes],
      copyFingerprints: [...(entry.copyFingerprints ?? []), ...added.copyFingerprints] });
    this.indexCopies();
    if (await this.repository.addCopies(articleId, added)) await this.repository.bumpGeneration();
  }

  /** Resolves once TAKEDOWNS_PROPAGATION_MS passed since the article was listed (or lifted): at once for an older change. */
  async propagated(takedown: Pick<Takedown, 'takenDownAt'>): Promise<void> {
    const remaining = takedown.takenDownAt.getTime() + TAKEDOWNS_PROPAGATION_MS - Date.now();
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(remaining, TAKEDOWNS_PROPAGATION_MS)));
  }

  /** The lifted entry, or null when the article was not listed. */
  async lift(articleId: string): Promise<Takedown | null> {
    const listed = await this.repository.find(articleId);
    if (!listed || !(await this.repository.delete(articleId))) return null;
    this.localChanges += 1;
    this.entries.delete(articleId);
    this.indexCopies();
    this.refusalsLogged.id.delete(articleId);
    this.refusalsLogged.copy.delete(articleId);
    await this.repository.bumpGeneration();
    return listed;
  }

  /** The periodic poll: rereads the list when its generation moved (or every TAKEDOWNS_RELOAD_MS). */
  refresh(now = Date.now()): Promise<void> {
    this.refreshing ??= this.poll(now).finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async poll(now: number): Promise<void> {
    try {
      const generation = await this.repository.generation();
      if (generation !== this.generation || now - this.loadedAt >= TAKEDOWNS_RELOAD_MS) await this.reload(generation, now);
      if (this.storeDown) this.logger.log({ msg: 'takedown list read again', takedowns: this.entries.size });
      this.storeDown = false;
    } catch (error) {
      if (!this.storeDown) {
        this.logger.warn({ msg: 'takedown list cannot be read; the list as last read stays in force until the store answers', takedowns: this.entries.size, error: String(error) });
      }
      this.storeDown = true;
    }
  }

  /** Generation first, then the list: a change made in between is read now and again next poll, never missed. */
  private async reload(known?: string | null, now = Date.now()): Promise<void> {
    const changesBefore = this.localChanges;
    const generation = known === undefined ? await this.repository.generation() : known;
    const all = await this.repository.all();
    // This instance listed or lifted something meanwhile: what was read may predate it. Next poll rereads.
    if (this.localChanges !== changesBefore) return;
    this.entries = new Map(all.map((takedown) => [takedown._id, takedown]));
    this.indexCopies();
    for (const logged of [this.refusalsLogged.id, this.refusalsLogged.copy]) {
      for (const id of logged) if (!this.entries.has(id)) logged.delete(id);
    }
    this.generation = generation;
    this.loadedAt = now;
  }

  /** Rebuilt whole on every change: takedowns are few, and a lift must take its fingerprints with it. */
  private indexCopies(): void {
    const byContentHash = new Map<string, string>();
    const byCopyFingerprint = new Map<string, string>();
    for (const takedown of this.entries.values()) {
      for (const hash of takedown.contentHashes ?? []) byContentHash.set(hash, takedown._id);
      for (const fingerprint of takedown.copyFingerprints ?? []) byCopyFingerprint.set(fingerprint, takedown._id);
    }
    this.byContentHash = byContentHash;
    this.byCopyFingerprint = byCopyFingerprint;
  }
}
