module.exports = { ...require('../../jest.preset'), displayName: 'weather', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
