#!/usr/bin/env node
// npm run infra -- up | down [--purge] | status | env
// Node built-ins only: this runs before `npm install`.
const infra = require('./index');
const kafka = require('./kafka');
const { settings } = require('./paths');

const USAGE = `usage: node tools/infra/cli.js <command>
  up              start Kafka, FerretDB and Redis on loopback (reuses running ones)
  down [--purge]  stop what "up" started; --purge also deletes their data (the state dir)
  status          running / stopped / external, per server
  env             export lines for KAFKA_BROKERS, MONGODB_URI, REDIS_URL
  kafka-configs … Kafka's kafka-configs tool (kafka.admin.ConfigCommand) from the installed jars,
                  against this broker unless --bootstrap-server is given; e.g.
                  kafka-configs --describe --entity-type topics --entity-name news.articles.received.v1`;

const shellQuote = (v) => (/^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, "'\\''")}'`);

async function main(command, args) {
  switch (command) {
    case 'up':
      await infra.up();
      return;
    case 'down':
      return infra.down({ purge: args.includes('--purge') });
    case 'status': {
      const rows = await infra.status();
      for (const row of rows) {
        const pid = row.pid ? `pid ${row.pid}` : '';
        console.log(`${row.server.padEnd(9)} ${row.state.padEnd(10)} ${pid.padEnd(10)} ${row.where}`);
      }
      // Scripts can test `status` like a health check.
      process.exitCode = rows.every((r) => r.state === 'running' || r.state === 'external') ? 0 : 3;
      return;
    }
    case 'env':
      for (const [key, value] of Object.entries(infra.env())) console.log(`export ${key}=${shellQuote(value)}`);
      return;
    case 'kafka-configs': {
      const s = settings();
      const broker = args.includes('--bootstrap-server') ? [] : ['--bootstrap-server', infra.env(s).KAFKA_BROKERS];
      process.exitCode = await kafka.runTool(s, 'kafka.admin.ConfigCommand', [...broker, ...args]);
      return;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error) => {
  console.error(`[infra] ${error.message}`);
  process.exit(1);
});
