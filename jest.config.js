// The whole suite in one run (what `npm test` executes): every project's unit tests, then integration and e2e.
const { projects, globalSetup, globalTeardown } = require('./tests/jest.projects');

const unitProjects = ['contracts', 'platform', 'messaging'].map((lib) => `<rootDir>/libs/${lib}/jest.config.js`)
  .concat(['ingest', 'enricher', 'weather', 'indexer', 'console'].map((svc) => `<rootDir>/services/${svc}/jest.config.js`));

module.exports = { rootDir: __dirname, globalSetup, globalTeardown, projects: [...unitProjects, ...projects] };
