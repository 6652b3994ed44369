// Flags of `npm run purge`; no I/O here, so the spec can check every refusal.

const USAGE = `usage: npm run purge -- (--older-than <N>d | --article <id> ... [--earlier-versions]) [--dry-run] [--batch-size N]
  --older-than <N>d  every article whose latest version was published more than N days ago
  --article <id>     one article (repeatable): a takedown
  --earlier-versions with --article: every version but the latest, which stays served and searchable
                     (a name or detail removed by a correction, erased from the versions before it)
  --dry-run          count what would be removed, remove nothing
  --batch-size N     ids per delete (default 5000); on FerretDB each delete scans its collection once
  MONGODB_URI and REDIS_URL as the services use them (default: the local infra).`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 24 * 3600 * 1000;

class UsageError extends Error {}

/** `argv` without node and the script; returns the options, or throws UsageError (exit 2). */
function parseArgs(argv, now = new Date()) {
  const options = { articles: [], earlierVersions: false, dryRun: false, batchSize: 5000, olderThanDays: undefined, cutoff: undefined, help: false };
  const valueOf = (i, name) => {
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
    return value;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => {
      if (inline !== undefined) return inline;
      const value = valueOf(i, name);
      i += 1;
      return value;
    };
    switch (name) {
      case '--older-than': {
        if (options.olderThanDays !== undefined) throw new UsageError('--older-than given twice');
        const value = take();
        const match = /^(\d+)d$/.exec(value);
        if (!match || Number(match[1]) < 1) throw new UsageError(`--older-than takes a whole number of days, at least 1, such as 90d; got ${JSON.stringify(value)}`);
        options.olderThanDays = Number(match[1]);
        options.cutoff = new Date(now.getTime() - options.olderThanDays * DAY_MS);
        break;
      }
      case '--article': {
        const value = take();
        if (!UUID.test(value)) throw new UsageError(`--article takes an article id (a UUID, as GET /v1/articles/<id> shows it); got ${JSON.stringify(value)}`);
        const id = value.toLowerCase();
        if (!options.articles.includes(id)) options.articles.push(id);
        break;
      }
      case '--dry-run':
        if (inline !== undefined) throw new UsageError('--dry-run takes no value');
        options.dryRun = true;
        break;
      case '--earlier-versions':
        if (inline !== undefined) throw new UsageError('--earlier-versions takes no value');
        options.earlierVersions = true;
        break;
      case '--batch-size': {
        const value = take();
        const n = Number(value);
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > 100_000) throw new UsageError(`--batch-size must be a whole number from 1 to 100000; got ${JSON.stringify(value)}`);
        options.batchSize = n;
        break;
      }
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  if (!options.help && options.olderThanDays === undefined && options.articles.length === 0) {
    throw new UsageError('say what to purge: --older-than <N>d and/or --article <id>');
  }
  if (options.earlierVersions && (options.olderThanDays !== undefined || options.articles.length === 0)) {
    throw new UsageError('--earlier-versions goes with --article <id> only (not --older-than): it keeps each named article\'s latest version');
  }
  return options;
}

module.exports = { parseArgs, UsageError, USAGE };
