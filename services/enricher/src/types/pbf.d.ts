// pbf 3 ships no typings; only what city-records.ts uses.
declare module 'pbf' {
  class Pbf {
    constructor(buffer: Uint8Array);
    pos: number;
    length: number;
    readMessage<T>(readField: (tag: number, result: T, pbf: Pbf) => void, result: T): T;
    readVarint(): number;
    readSVarint(): number;
    readString(): string;
  }
  export = Pbf;
}
