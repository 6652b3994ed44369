import { Logger } from '@nestjs/common';
import { SourceRepository } from '../../sources/source.repository';
import { TakedownList } from './takedown-list';
import { TakedownRepository } from './takedown.repository';
import { TakedownsAdminHttpController } from './takedowns-admin.http.controller';

const ID = '6f1c5e0a-8d2b-5c4e-9a57-2f0d8b1e3c74';

describe('TakedownsAdminHttpController', () => {
  it('logs the lift with the start of the reason only, and answers it whole', async () => {
    const reason = 'Court order 2026/555 (ref LR-77): protect the witness Brindlewick Osterhal';
    const lifted = { _id: ID, reason, takenDownAt: new Date('2026-12-07T10:00:00Z'), correlationId: 'corr-kill', sourceId: 'wire', sourceItemId: 'item-1' };
    const list = { lift: async () => lifted, propagated: async () => undefined } as unknown as TakedownList;
    const sources = { rereadFeedInFull: jest.fn(async () => undefined) } as unknown as SourceRepository;
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      const answer = await new TakedownsAdminHttpController({} as TakedownRepository, list, sources).lift(ID, 'corr-lift');
      expect(answer.lifted.reason).toBe(reason);
      expect(log).toHaveBeenCalledWith(expect.objectContaining({ msg: 'takedown lifted by operator', articleId: ID, reason: 'Court order 2026/555 (ref LR-77): protect the wi…' }));
      expect(JSON.stringify(log.mock.calls)).not.toMatch(/Brindlewick|Osterhal/);
    } finally {
      log.mockRestore();
    }
  });
});
