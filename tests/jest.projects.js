// The integration and end-to-end jest projects, shared by tests/jest.config.js and the root jest.config.js.
const path = require('node:path');
const preset = require('../jest.preset');

const project = (name, timeout) => ({
  ...preset,
  displayName: name,
  rootDir: __dirname,
  testMatch: [`<rootDir>/${name}/**/*.spec.ts`],
  testTimeout: timeout,
});

module.exports = {
  projects: [project('integration', 60_000), project('e2e', 240_000)],
  globalSetup: path.join(__dirname, 'support', 'global-setup.js'),
  globalTeardown: path.join(__dirname, 'support', 'global-teardown.js'),
};
