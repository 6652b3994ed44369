#!/usr/bin/env node
// npm run infra -- up | down [--purge] | status | env
const infra = require('./index');

async function main(command, args) {
  switch (command) {
    case 'up': {
      const env = await infra.up();
      for (const [key, value] of Object.entries(env)) console.log(`${key}=${value}`);
      return;
    }
    case 'down':
      return infra.down({ purge: args.includes('--purge') });
    case 'status': {
      const rows = await infra.status();
      for (const row of rows) console.log(`${row.server.padEnd(9)} ${row.state.padEnd(10)} ${String(row.pid ?? '').padEnd(8)} ${row.where}`);
      process.exitCode = rows.every((r) => r.state === 'running' || r.state === 'external') ? 0 : 3;
      return;
    }
    case 'env':
      for (const [key, value] of Object.entries(infra.env())) console.log(`export ${key}=${value}`);
      return;
    default:
      console.error('usage: npm run infra -- up | down [--purge] | status | env');
      process.exitCode = 2;
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error) => {
  console.error(`[infra] ${error.message}`);
  process.exit(1);
});
