// Containers are per run; loopback servers from the infra tool stay up for the next run (`npm run infra -- down`).
module.exports = async function globalTeardown() {
  const containers = globalThis.__NEWSFLOW_CONTAINERS__;
  if (containers) await Promise.all(containers.map((c) => c.stop()));
};
