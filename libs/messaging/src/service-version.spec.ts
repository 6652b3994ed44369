import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceVersion } from './start-service';

describe('serviceVersion', () => {
  const root = mkdtempSync(join(tmpdir(), 'service-version-'));
  const dist = join(root, 'dist');
  mkdirSync(dist);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '1.4.2' }));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is the package version, with the deployed release after a + when NEWSFLOW_RELEASE names one', () => {
    expect(serviceVersion(dist, undefined)).toBe('1.4.2');
    expect(serviceVersion(dist, '')).toBe('1.4.2');
    expect(serviceVersion(dist, 'v2026.12.07-3f9c2e1')).toBe('1.4.2+v2026.12.07-3f9c2e1');
  });

  it('refuses a release name that cannot be a label value or a version suffix, naming the variable', () => {
    expect(() => serviceVersion(dist, 'v1 beta')).toThrow(/NEWSFLOW_RELEASE must be 1-128 letters/);
    // A Docker tag may be 128 characters: the chart passes the image tag.
    expect(serviceVersion(dist, 't'.repeat(128))).toBe(`1.4.2+${'t'.repeat(128)}`);
    expect(() => serviceVersion(dist, 'x'.repeat(129))).toThrow(/NEWSFLOW_RELEASE/);
  });

  it('says 0.0.0 when no package.json sits beside dist/', () => {
    expect(serviceVersion(join(root, 'elsewhere', 'dist'), 'r1')).toBe('0.0.0+r1');
  });
});
