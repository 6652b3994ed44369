import { randomBytes } from 'node:crypto';

/** Random names per test, so tests never share a consumer group, database or topic. */
export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/** The test run's MongoDB URI with its own database name. */
export function mongoUriWithDatabase(database: string): string {
  const uri = new URL(requireEnv('MONGODB_URI'));
  uri.pathname = `/${database}`;
  return uri.toString();
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; tests/support/global-setup.js sets it`);
  return value;
}
