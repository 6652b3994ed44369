// Where the infra tool keeps downloads (shared across clones) and per-checkout state.
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');

function settings(env = process.env) {
  const stateDir = path.resolve(env.NEWSFLOW_STATE_DIR || path.join(repoRoot, '.state'));
  const cacheDir = path.resolve(env.NEWSFLOW_CACHE_DIR || path.join(os.homedir(), '.cache', 'newsflow'));
  const port = (name, fallback) => {
    const value = Number(env[name] || fallback);
    if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name}=${env[name]} is not a port number`);
    return value;
  };
  return {
    repoRoot,
    stateDir,
    cacheDir,
    kafkaPort: port('NEWSFLOW_KAFKA_PORT', 9092),
    kafkaControllerPort: port('NEWSFLOW_KAFKA_CONTROLLER_PORT', 9093),
    mongoPort: port('NEWSFLOW_MONGO_PORT', 27017),
    redisPort: port('NEWSFLOW_REDIS_PORT', 6379),
  };
}

module.exports = { settings, repoRoot };
