module.exports = { ...require('../../jest.preset'), displayName: 'ingest', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
