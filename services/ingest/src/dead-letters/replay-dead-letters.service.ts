import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { PipelineStage } from '@newsflow/contracts';
import { DeadLetter, DeadLetterStore, ReplayReport, takenDownHold } from '@newsflow/messaging';
import { TakedownRepository } from '../articles/takedowns/takedown.repository';

/**
 * An operator's replay of parked messages, minus every message of a taken-down story: replayed,
 * its old version would be indexed and published again (after a purge nothing newer is left to
 * make it look stale). The list is read from the store for each replay, not from this instance's
 * copy, so a kill made on another instance a moment ago counts; unreadable, nothing is replayed.
 */
@Injectable()
export class ReplayDeadLettersService {
  private readonly logger = new Logger(ReplayDeadLettersService.name);

  constructor(
    private readonly store: DeadLetterStore,
    private readonly takedowns: TakedownRepository,
  ) {}

  async replay(stage: PipelineStage, select: (d: DeadLetter) => boolean): Promise<ReplayReport> {
    let takenDown: Set<string>;
    try {
      takenDown = await this.takedowns.listedIds();
    } catch (error) {
      throw new ServiceUnavailableException({ rule: 'takedown-list-unavailable', error: 'DEAD_LETTER.TAKEDOWNS_UNREADABLE',
        message: `nothing was replayed: the takedown list cannot be read (${String(error)}), and a replay could bring a taken-down story back; retry once MongoDB answers` });
    }
    const report = await this.store.replayChecked(stage, select, takenDownHold(takenDown));
    for (const skipped of report.skipped) {
      this.logger.log({ msg: 'dead letter not replayed: its article is taken down', stage, partition: skipped.partition, offset: skipped.offset, articleId: skipped.articleId });
    }
    return report;
  }
}
