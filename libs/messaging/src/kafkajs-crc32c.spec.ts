import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { nativeCrc32c, useNativeCrc32cInKafkajs } from './kafkajs-crc32c';

// That kafkajs really checksums with it in a service process, and the broker accepts what it sends:
// tests/integration/kafkajs-native-crc.spec.ts (jest loads modules through a registry of its own).
const load = createRequire(__filename);
const kafkajsCrc32c = load('kafkajs/src/protocol/recordBatch/crc32C/crc32C.js') as (buffer: Buffer) => number;
const CHECKSUM_FILE = load.resolve('kafkajs/src/protocol/recordBatch/crc32C/index.js');

/** A module cache as Node keeps it, holding `loaded`. */
function modulesWith(loaded: string[]): Pick<NodeJS.Require, 'resolve' | 'cache'> {
  const cache: NodeJS.Dict<NodeJS.Module> = Object.fromEntries(loaded.map((file) => [load.resolve(file), { exports: {} } as NodeJS.Module]));
  return { resolve: load.resolve, cache } as Pick<NodeJS.Require, 'resolve' | 'cache'>;
}

describe('native CRC-32C for kafkajs', () => {
  it('computes the checksum kafkajs computes, for any length', () => {
    const crc32c = nativeCrc32c();
    if (!crc32c) throw new Error('@node-rs/crc32 has no binary for this machine');
    for (const length of [0, 1, 7, 8, 9, 63, 64, 65, 1000, 4096, 13_744, 65_537]) {
      const buffer = randomBytes(length);
      expect(crc32c(buffer)).toBe(kafkajsCrc32c(buffer));
    }
    // The check value of CRC-32C (Castagnoli): "123456789" → 0xE3069283.
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it("takes the place of kafkajs's checksum module before kafkajs first encodes a record batch, once", () => {
    const modules = modulesWith(['kafkajs']);
    expect(useNativeCrc32cInKafkajs(nativeCrc32c(), modules)).toBe(true);
    const installed = modules.cache[CHECKSUM_FILE]?.exports as (buffer: Buffer) => number;
    const buffer = randomBytes(13_744);
    expect(installed(buffer)).toBe(kafkajsCrc32c(buffer));

    expect(useNativeCrc32cInKafkajs(() => 0, modules)).toBe(true);
    expect(modules.cache[CHECKSUM_FILE]?.exports).toBe(installed);
  });

  it('leaves kafkajs its own checksum when its encoder is already loaded, or when there is no native one', () => {
    const loaded = modulesWith(['kafkajs/src/protocol/recordBatch/v0/index.js']);
    expect(useNativeCrc32cInKafkajs(nativeCrc32c(), loaded)).toBe(false);
    expect(loaded.cache[CHECKSUM_FILE]).toBeUndefined();

    const unsupported = modulesWith([]);
    expect(useNativeCrc32cInKafkajs(null, unsupported)).toBe(false);
    expect(unsupported.cache[CHECKSUM_FILE]).toBeUndefined();
  });
});
