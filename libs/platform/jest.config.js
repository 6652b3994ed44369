module.exports = { ...require('../../jest.preset'), displayName: 'platform', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
