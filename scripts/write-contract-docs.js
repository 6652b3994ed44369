// Writes docs/asyncapi.json and docs/schemas/<topic>.json from libs/contracts (run after a build).
const fs = require('node:fs');
const path = require('node:path');
const { asyncApiDocument, allTopicJsonSchemas } = require('../libs/contracts/dist');

const root = path.join(__dirname, '..');
const version = require('../package.json').version;
const write = (file, value) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  console.log(`wrote ${path.relative(root, file)}`);
};

write(path.join(root, 'docs', 'asyncapi.json'), asyncApiDocument(version));
for (const [topic, schema] of Object.entries(allTopicJsonSchemas())) write(path.join(root, 'docs', 'schemas', `${topic}.json`), schema);
