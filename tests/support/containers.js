// With a Docker engine: the official images, same versions as docker-compose.yml.
const { KafkaContainer } = require('@testcontainers/kafka');
const { MongoDBContainer } = require('@testcontainers/mongodb');
const { RedisContainer } = require('@testcontainers/redis');

const IMAGES = {
  // The Kafka module drives Confluent's image; cp-kafka 7.9 is Apache Kafka 3.9, the version used everywhere else.
  kafka: 'confluentinc/cp-kafka:7.9.1',
  mongo: 'mongo:8.0',
  redis: 'redis:7.4-alpine',
};

async function startContainers() {
  const [kafka, mongo, redis] = await Promise.all([
    new KafkaContainer(IMAGES.kafka).withKraft().start(),
    new MongoDBContainer(IMAGES.mongo).start(),
    new RedisContainer(IMAGES.redis).start(),
  ]);
  process.env.KAFKA_BROKERS = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
  process.env.MONGODB_URI = `${mongo.getConnectionString()}/newsflow?directConnection=true`;
  process.env.REDIS_URL = redis.getConnectionUrl();
  return [kafka, mongo, redis];
}

module.exports = { startContainers, IMAGES };
