// `npm test`: install what is missing, bring real Kafka/MongoDB/Redis up, lint and build every
// project, then run unit, integration and end-to-end tests in one jest run.
const fs = require('node:fs');
const path = require('node:path');
const { ensureDeps } = require('./ensure-deps');
const { run, bin, root } = require('./run');

async function main() {
  ensureDeps();
  const infra = require('../tools/infra');
  const { dockerAvailable } = require('../tests/support/docker');
  // Kafka's JVM start is the slow part, so it overlaps with lint and build.
  const infraUp = dockerAvailable() ? Promise.resolve() : infra.up({ quiet: false });
  const checks = run(bin('nx'), ['run-many', '-t', 'lint', 'build', '--output-style=static', '--parallel=2']);
  await Promise.all([infraUp, checks]);

  const results = path.join(root, 'test-artifacts', 'jest-results.json');
  fs.mkdirSync(path.dirname(results), { recursive: true });
  let failure;
  await run(bin('jest'), ['-c', 'jest.config.js', '--runInBand', '--ci', '--json', `--outputFile=${results}`, ...process.argv.slice(2)])
    .catch((error) => (failure = error));
  if (fs.existsSync(results)) {
    const summary = JSON.parse(fs.readFileSync(results, 'utf8'));
    console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
    if (summary.numTotalTests === 0) failure = failure ?? new Error('no tests ran');
  }
  if (failure) throw failure;
}

main().catch((error) => {
  console.error(`\n[newsflow] npm test failed: ${error.message}`);
  process.exit(1);
});
