import { ClientKafka } from '@nestjs/microservices';
import { TOPICS } from '@newsflow/contracts';
import { makeArticle } from '@newsflow/contracts/testing';
import { Producer } from 'kafkajs';
import { EventPublisher } from './event-publisher';

describe('EventPublisher', () => {
  it('sends nothing until the producer has finished connecting', async () => {
    let connected!: (producer: Producer) => void;
    const connecting = new Promise<Producer>((resolve) => (connected = resolve));
    const sendBatch = jest.fn().mockResolvedValue([]);
    const client = { connect: () => connecting } as unknown as ClientKafka;
    const publisher = new EventPublisher(client, { brokers: [], service: 'test', serviceVersion: '0', groupId: 'g' });

    const published = publisher.publish(TOPICS.articleReceived, { article: makeArticle() }, { correlationId: 'c' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sendBatch).not.toHaveBeenCalled();

    connected({ sendBatch } as unknown as Producer);
    const envelope = await published;
    expect(sendBatch).toHaveBeenCalledTimes(1);
    expect(sendBatch.mock.calls[0][0]).toEqual(expect.objectContaining({ acks: -1 }));
    expect(sendBatch.mock.calls[0][0].topicMessages[0].messages[0].key).toBe(envelope.articleId);
  });
});
