// Typed access to the local Open-Meteo stand-in (tools/fake-open-meteo/server.js, plain CommonJS).
const fake = require('../../tools/fake-open-meteo/server.js');

export type FakeFailure = 'none' | 'http-500' | 'malformed' | 'missing-fields' | 'slow';

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  userAgent?: string;
  at: string;
}

export interface FakeOpenMeteo {
  url: string;
  port: number;
  requests: { readonly count: number; log: FakeRequest[] };
  /** `times` limits the failure to the next N requests; `delayMs` is how long `slow` waits. */
  setFailure(mode: FakeFailure, options?: { delayMs?: number; times?: number }): void;
  reset(): void;
  close(): Promise<void>;
}

export function startFakeOpenMeteo(options: { port?: number; failure?: FakeFailure; delayMs?: number; now?: string } = {}): Promise<FakeOpenMeteo> {
  return fake.start(options);
}
