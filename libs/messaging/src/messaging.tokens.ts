export const KAFKA_PRODUCER_CLIENT = Symbol('KAFKA_PRODUCER_CLIENT');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  brokers: string[];
  /** Service name, e.g. `enricher`; used in client ids, metrics and the envelope's `producer`. */
  service: string;
  serviceVersion: string;
  /** Consumer group of this stage; also scopes the idempotency inbox. */
  groupId: string;
  /** How long a publish waits for others to share its produce request (KAFKA_PRODUCE_LINGER_MS); 0 = only concurrent ones. */
  produceLingerMs?: number;
  /** How failing handlers are retried before their event is dead-lettered. */
  retry?: Partial<import('./retry-policy').RetryPolicy>;
}
