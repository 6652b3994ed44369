module.exports = { ...require('../../jest.preset'), displayName: 'text', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
