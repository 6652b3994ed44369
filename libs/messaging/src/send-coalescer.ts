import { Message, TopicMessages } from 'kafkajs';

interface Pending {
  topic: string;
  message: Message;
  bytes: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Joins the sends of concurrent callers into one produce request: one request is in flight at a
 * time, and what callers add meanwhile goes out together in the next. An idle pipeline sends at once
 * (no linger); a busy one batches by itself, as far as the producer's acknowledgements lag behind.
 * Each caller's promise settles with the request that carried its message, so "resolved" still means
 * "acknowledged". A request is capped in bytes to stay under the broker's per-batch limit
 * (`message.max.bytes`, 1 MB by default); a larger single message goes alone, as it would have.
 */
export class SendCoalescer {
  private queue: Pending[] = [];
  private sending = false;

  constructor(
    private readonly sendBatch: (topicMessages: TopicMessages[]) => Promise<unknown>,
    private readonly maxRequestBytes = 512 * 1024,
  ) {}

  send(topic: string, message: Message): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ topic, message, bytes: sizeOf(message), resolve, reject });
      if (!this.sending) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.sending = true;
    try {
      // Let the callers of this tick join the first request too.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) {
        const request = this.takeRequest();
        try {
          await this.sendBatch(groupByTopic(request));
          for (const pending of request) pending.resolve();
        } catch (error) {
          for (const pending of request) pending.reject(error);
        }
      }
    } finally {
      this.sending = false;
    }
  }

  private takeRequest(): Pending[] {
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && (count === 0 || bytes + this.queue[count].bytes <= this.maxRequestBytes)) {
      bytes += this.queue[count].bytes;
      count++;
    }
    return this.queue.splice(0, count);
  }
}

function sizeOf(message: Message): number {
  const value = message.value;
  const headerBytes = Object.entries(message.headers ?? {}).reduce((sum, [k, v]) => sum + k.length + String(v ?? '').length, 0);
  return (value === null ? 0 : Buffer.byteLength(value)) + (message.key ? Buffer.byteLength(message.key) : 0) + headerBytes;
}

function groupByTopic(request: Pending[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const { topic, message } of request) {
    const messages = byTopic.get(topic) ?? [];
    messages.push(message);
    byTopic.set(topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
