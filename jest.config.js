// The whole suite in one run (what `npm test` executes): every project's unit tests, then integration and e2e.
const { projects, globalSetup, globalTeardown } = require('./tests/jest.projects');
const unit = require('./tests/support/jest.unit.config');

module.exports = { rootDir: __dirname, globalSetup, globalTeardown, projects: [...unit.projects, ...projects] };
