// Every project's unit tests and nothing else: no servers to start. The root jest.config.js adds the
// integration and end-to-end projects to these; tests/integration/node-releases.spec.ts runs these
// alone on other Node releases.
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const unitProjects = ['contracts', 'platform', 'messaging', 'text'].map((lib) => `<rootDir>/libs/${lib}/jest.config.js`)
  .concat(['ingest', 'enricher', 'weather', 'indexer', 'console'].map((svc) => `<rootDir>/services/${svc}/jest.config.js`));

module.exports = { rootDir: root, projects: unitProjects };
