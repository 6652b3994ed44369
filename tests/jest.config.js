// Integration and end-to-end tests only: real Kafka, MongoDB (or FerretDB) and Redis, started by global-setup.
const { projects, globalSetup, globalTeardown } = require('./jest.projects');

module.exports = { rootDir: __dirname, globalSetup, globalTeardown, projects };
