#!/usr/bin/env node
// npm run dlq -- list|show|replay|purge --stage <ingest|enricher|weather|indexer> [--partition N --offset N] [--limit N]
// Kafka and (for replay, the takedown list) MongoDB as the services use them: KAFKA_BROKERS and
// MONGODB_URI, the local infra by default.
const { DeadLetterStore, takenDownHold } = require('../../libs/messaging/dist');
const { PIPELINE_STAGES } = require('../../libs/contracts/dist');
const infra = require('../infra');
const { listedTakedowns } = require('./takedowns');

const USAGE = `usage: npm run dlq -- <command> --stage <${PIPELINE_STAGES.join('|')}> [options]
  list    [--limit N]                 what is parked: partition, offset, key, error code and message
  show    --partition N --offset N    one parked message with its headers and value
  replay  [--partition N --offset N]  send parked messages (or one) back to the topic they came from,
                                      except those of an article on the takedown list (reported, left parked)
  purge                               delete everything parked so far`;

function option(args, name) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main([command, ...args]) {
  const stage = option(args, 'stage');
  if (!command || !PIPELINE_STAGES.includes(stage)) {
    console.error(USAGE);
    return 2;
  }
  const store = new DeadLetterStore(infra.env().KAFKA_BROKERS.split(','));
  const partition = option(args, 'partition');
  const offset = option(args, 'offset');
  const one = (d) => partition === undefined || (String(d.partition) === partition && d.offset === offset);
  switch (command) {
    case 'list': {
      const letters = await store.list(stage, Number(option(args, 'limit') ?? 100));
      for (const d of letters) console.log(`${d.partition}:${d.offset}\t${d.key ?? '-'}\t${d.errorCode ?? '?'}\t${(d.errorMessage ?? '').slice(0, 120)}`);
      console.log(`${letters.length} dead letter(s) on ${stage}`);
      return 0;
    }
    case 'show': {
      const d = partition === undefined ? undefined : await store.show(stage, Number(partition), offset);
      if (!d) {
        console.error(`no dead letter at ${partition}:${offset} on ${stage}`);
        return 1;
      }
      console.log(JSON.stringify(d, null, 2));
      return 0;
    }
    case 'replay': {
      let takenDown;
      try {
        takenDown = await listedTakedowns(infra.env().MONGODB_URI);
      } catch (error) {
        console.error(`[dlq] nothing was replayed: ${error.message}; a replay could bring a taken-down story back`);
        return 1;
      }
      const { replayed, skipped } = await store.replayChecked(stage, one, takenDownHold(takenDown));
      for (const d of skipped) console.log(`skipped ${d.partition}:${d.offset}\t${d.key ?? '-'}\tarticle ${d.articleId}\t${d.reason}`);
      const held = skipped.length === 0 ? '' : `; skipped ${skipped.length} whose article is taken down (left parked)`;
      console.log(`replayed ${replayed} message(s) from ${stage}${held}`);
      return 0;
    }
    case 'purge':
      console.log(`purged ${await store.purge(stage)} message(s) from ${stage}`);
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[dlq] ${error.message}`);
    process.exit(1);
  },
);
