// The integration and end-to-end jest projects, shared by tests/jest.config.js and the root jest.config.js.
const path = require('node:path');
const preset = require('../jest.preset');

const project = (name) => ({
  ...preset,
  displayName: name,
  rootDir: __dirname,
  testMatch: [`<rootDir>/${name}/**/*.spec.ts`],
  setupFilesAfterEnv: [`<rootDir>/support/timeouts.${name}.ts`],
});

module.exports = {
  projects: [project('integration'), project('e2e')],
  globalSetup: path.join(__dirname, 'support', 'global-setup.js'),
  globalTeardown: path.join(__dirname, 'support', 'global-teardown.js'),
};
