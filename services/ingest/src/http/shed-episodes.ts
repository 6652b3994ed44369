/** How long without a shed submission before an episode counts as over (and is logged as such). */
export const SHED_EPISODE_QUIET_MS = 5_000;

interface Episode {
  since: number;
  last: number;
  shed: number;
}

type EpisodeLogger = { warn(message: object): void; log(message: object): void };

/**
 * Logs shedding per episode, not per refused request: one line when a scope (the instance, or one
 * source past its share) starts shedding, one when it has shed nothing for `quietMs`, with how many
 * it refused meanwhile. A flood that sheds and admits by turns wrote 205 lines in 20 s otherwise.
 */
export class ShedEpisodes {
  private readonly open = new Map<string, Episode>();

  constructor(
    private readonly logger: EpisodeLogger,
    private readonly quietMs = SHED_EPISODE_QUIET_MS,
    private readonly now: () => number = Date.now,
  ) {}

  shed(scope: string, fields: Record<string, unknown>): void {
    const now = this.now();
    this.settle(now);
    let episode = this.open.get(scope);
    if (!episode) {
      episode = { since: now, last: now, shed: 0 };
      this.open.set(scope, episode);
      this.logger.warn({ msg: 'ingest is busy: shedding submissions', scope, ...fields });
    }
    episode.shed += 1;
    episode.last = now;
  }

  /** Ends the episodes that shed nothing for `quietMs`. */
  settle(now = this.now()): void {
    for (const [scope, episode] of this.open) {
      if (now - episode.last < this.quietMs) continue;
      this.open.delete(scope);
      this.logger.log({ msg: 'ingest takes submissions again', scope, shed: episode.shed, shedForMs: episode.last - episode.since });
    }
  }
}
