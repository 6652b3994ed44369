import { Coalescer } from '@newsflow/platform';
import { Message, TopicMessages } from 'kafkajs';

interface Outgoing {
  topic: string;
  message: Message;
  bytes: number;
}

/**
 * Concurrent sends as one produce request (see `Coalescer`): each caller's promise settles with the
 * request that carried its message, so "resolved" still means "acknowledged". A request is capped in
 * bytes to stay under the broker's per-batch limit (`message.max.bytes`, 1 MB by default); a larger
 * single message goes alone, as it would have.
 */
export class SendCoalescer {
  private readonly coalescer: Coalescer<Outgoing, void>;

  constructor(sendBatch: (topicMessages: TopicMessages[]) => Promise<unknown>, { maxRequestBytes = 512 * 1024, lingerMs = 0 } = {}) {
    this.coalescer = new Coalescer(
      async (batch) => {
        await sendBatch(groupByTopic(batch));
        return batch.map(() => ({ ok: true as const, value: undefined }));
      },
      { fits: (batch, next) => batch.reduce((sum, item) => sum + item.bytes, next.bytes) <= maxRequestBytes, target: 'kafka', lingerMs },
    );
  }

  send(topic: string, message: Message): Promise<void> {
    return this.coalescer.submit({ topic, message, bytes: sizeOf(message) });
  }
}

function sizeOf(message: Message): number {
  const value = message.value;
  const headerBytes = Object.entries(message.headers ?? {}).reduce((sum, [k, v]) => sum + k.length + String(v ?? '').length, 0);
  return (value === null ? 0 : Buffer.byteLength(value)) + (message.key ? Buffer.byteLength(message.key) : 0) + headerBytes;
}

function groupByTopic(batch: Outgoing[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const { topic, message } of batch) {
    const messages = byTopic.get(topic) ?? [];
    messages.push(message);
    byTopic.set(topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
