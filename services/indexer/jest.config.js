module.exports = { ...require('../../jest.preset'), displayName: 'indexer', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
