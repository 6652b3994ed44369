import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument } from './asyncapi';
import { allTopicJsonSchemas } from './json-schemas';
import { makeArticle, makeEnvelope } from './testing';
import { ALL_TOPICS, TOPICS } from './topics';

const docs = join(__dirname, '..', '..', '..', 'docs');
const committed = (file: string) => JSON.parse(readFileSync(join(docs, file), 'utf8'));

describe('published contract documents', () => {
  it('match what the contract types generate (run `npm run docs:contracts` after changing a schema)', () => {
    const version = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).version;
    expect(committed('asyncapi.json')).toEqual(JSON.parse(JSON.stringify(asyncApiDocument(version))));
    for (const [topic, schema] of Object.entries(allTopicJsonSchemas())) {
      expect(committed(join('schemas', `${topic}.json`))).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it('describe every topic, and accept events the producers build', () => {
    const asyncapi = asyncApiDocument('test') as { channels: Record<string, { address: string }> };
    expect(Object.values(asyncapi.channels).map((c) => c.address)).toEqual(expect.arrayContaining([...ALL_TOPICS]));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(allTopicJsonSchemas()[TOPICS.articleReceived]);
    const event = JSON.parse(JSON.stringify(makeEnvelope(TOPICS.articleReceived, { article: makeArticle() })));
    expect(validate(event)).toBe(true);
    expect(validate({ ...event, articleVersion: 0 })).toBe(false);
  });
});
