import { z } from 'zod';
import { isReadKey, presentedKey, readApiKeysSetting, refuseReader, requireReadKey } from './read-access';

const settings = z.object({ READ_API_KEYS: readApiKeysSetting });

describe('READ_API_KEYS', () => {
  it('reads a comma-separated list, and an empty value as unset', () => {
    expect(settings.parse({ READ_API_KEYS: ' key-one-0123456789 , key-two-0123456789 ' }).READ_API_KEYS).toEqual(['key-one-0123456789', 'key-two-0123456789']);
    expect(settings.parse({ READ_API_KEYS: '' }).READ_API_KEYS).toBeUndefined();
    expect(settings.parse({}).READ_API_KEYS).toBeUndefined();
  });

  it('refuses a short key, naming the rule', () => {
    const parsed = settings.safeParse({ READ_API_KEYS: 'key-one-0123456789,short' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/at least 16 characters/);
  });
});

describe('read keys on a request', () => {
  const keys = ['key-one-0123456789', 'key-two-0123456789'];

  it('takes the key from a bearer token or X-Api-Key', () => {
    expect(presentedKey({ headers: { authorization: 'Bearer abc' } })).toBe('abc');
    expect(presentedKey({ headers: { 'x-api-key': ' abc ' } })).toBe('abc');
    expect(presentedKey({ headers: {} })).toBeUndefined();
    expect(isReadKey(keys, 'key-two-0123456789')).toBe(true);
    expect(isReadKey(keys, 'key-two-012345678')).toBe(false);
    expect(isReadKey(keys, undefined)).toBe(false);
  });

  function answer() {
    const sent: { status?: number; headers: Record<string, string>; body?: string; type?: string } = { headers: {} };
    const response = {
      status(code: number) { sent.status = code; return response; },
      setHeader(name: string, value: string) { sent.headers[name] = value; },
      type(value: string) { sent.type = value; return response; },
      send(body: string) { sent.body = body; },
    };
    return { sent, response };
  }

  it('passes a request with a key, and every request when no keys are set', () => {
    const next = jest.fn();
    const { sent, response } = answer();
    requireReadKey(keys)({ headers: { authorization: 'Bearer key-one-0123456789' } }, response, next);
    requireReadKey(undefined)({ headers: {} }, response, next);
    expect(next).toHaveBeenCalledTimes(2);
    expect(sent.status).toBeUndefined();
  });

  it('answers 401 problem+json naming whether the key was missing or wrong', () => {
    const next = jest.fn();
    const missing = answer();
    requireReadKey(keys)({ headers: {} }, missing.response, next);
    expect(missing.sent).toMatchObject({ status: 401, type: 'application/problem+json', headers: { 'WWW-Authenticate': 'Bearer' } });
    expect(JSON.parse(missing.sent.body ?? '{}')).toMatchObject({ status: 401, rule: 'read-key-missing' });
    const wrong = answer();
    refuseReader(wrong.response, 'nope');
    expect(JSON.parse(wrong.sent.body ?? '{}')).toMatchObject({ rule: 'read-key-invalid' });
    expect(next).not.toHaveBeenCalled();
  });
});
