module.exports = { ...require('../../jest.preset'), displayName: 'enricher', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
