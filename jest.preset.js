// Shared jest settings: ts-jest, and workspace libs resolved to their sources so unit tests need no build.
const path = require('node:path');

const libs = ['contracts', 'messaging', 'platform', 'text'];

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    ...Object.fromEntries(
      libs.flatMap((lib) => [
        [`^@newsflow/${lib}$`, path.join(__dirname, 'libs', lib, 'src', 'index.ts')],
        [`^@newsflow/${lib}/testing$`, path.join(__dirname, 'libs', lib, 'src', 'testing', 'index.ts')],
      ]),
    ),
    '^@newsflow/contracts/release-time$': path.join(__dirname, 'libs', 'contracts', 'src', 'release-time.ts'),
  },
};
