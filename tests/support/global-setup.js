// Points the tests at real servers: the user's (KAFKA_BROKERS / MONGODB_URI / REDIS_URL), containers
// when a Docker engine answers, or the servers the project's infra tool starts on loopback.
const { dockerAvailable } = require('./docker');

module.exports = async function globalSetup() {
  if (dockerAvailable()) {
    const { startContainers } = require('./containers');
    globalThis.__NEWSFLOW_CONTAINERS__ = await startContainers();
  } else {
    const infra = require('../../tools/infra');
    Object.assign(process.env, await infra.up({ quiet: true }));
  }
  console.log(`\n[tests] Kafka ${process.env.KAFKA_BROKERS}, MongoDB ${process.env.MONGODB_URI}, Redis ${process.env.REDIS_URL}`);
};
