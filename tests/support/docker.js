// A Docker engine that answers means testcontainers; otherwise the project's own loopback servers.
const { execFileSync } = require('node:child_process');

function dockerAvailable() {
  if (process.env.NEWSFLOW_TESTCONTAINERS === '0') return false;
  if (process.env.KAFKA_BROKERS && process.env.MONGODB_URI && process.env.REDIS_URL) return false;
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

module.exports = { dockerAvailable };
