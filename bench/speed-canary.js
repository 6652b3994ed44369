// How fast this machine's CPU is right now. This VM's speed changes from one minute to the next
// (the same tree's CPU per article differed by 1.5× between back-to-back runs, and every process's
// by about as much, the fake weather provider's too), so a run's CPU figures are also given in
// units of a fixed piece of work measured alongside them.
//
// A child process repeats that unit (JSON, regular expressions and Map lookups over a wire story,
// the kind of work the services do) every INTERVAL_MS and prints the CPU time each took, so waiting
// for a core does not count, only how long the work itself took.
// usage: node bench/speed-canary.js   (prints one line per unit: "<epoch ms> <cpu µs>")
const INTERVAL_MS = 250;

const STORY = [
  'MARRAKECH, Morocco (AP) — Police chiefs from around the world gathered in Marrakech on Monday for',
  'the 93rd INTERPOL General Assembly, where Secretary General Valdecy Urquiza said cross-border crime',
  'had outpaced the tools agencies use to share what they know. King Mohammed VI opened the meeting.',
].join(' ');

const EVENT = JSON.stringify({
  type: 'news.article.received',
  payload: { article: { headline: 'INTERPOL meets in Marrakech', body: Array(12).fill(STORY).join('\n\n'), tags: ['crime', 'policing'] } },
  entities: Array.from({ length: 40 }, (_, i) => ({ id: `person:${i}`, name: `Name ${i}`, mentions: [{ start: i * 10, end: i * 10 + 8 }] })),
});

/** One unit: ~1.3 ms of CPU on a busy core here, 1.2–2.5 ms on an idle one. */
function unit() {
  let checksum = 0;
  for (let round = 0; round < 8; round += 1) {
    const event = JSON.parse(EVENT);
    const words = event.payload.article.body.match(/\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+){0,2}/gu) ?? [];
    const counts = new Map();
    for (const word of words) counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + 1);
    checksum += JSON.stringify(event).length + counts.size;
  }
  return checksum;
}

/** The parent's side: runs the canary as its own process and answers what a unit cost over a span of time. */
class SpeedCanary {
  start() {
    const { spawn } = require('node:child_process');
    this.samples = [];
    this.child = spawn(process.execPath, [__filename], { stdio: ['ignore', 'pipe', 'inherit'] });
    process.once('exit', () => this.stop());
    let rest = '';
    this.child.stdout.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        const [t, us] = line.split(' ').map(Number);
        if (Number.isFinite(t) && Number.isFinite(us)) this.samples.push({ t, us });
      }
    });
    return this;
  }

  /** Median CPU ms of one unit between two epoch-ms times, or null with too few samples to say. */
  unitMsBetween(from, to) {
    const us = this.samples.filter((s) => s.t >= from && s.t <= to).map((s) => s.us).sort((a, b) => a - b);
    return us.length < 4 ? null : Number((us[Math.floor(us.length / 2)] / 1000).toFixed(3));
  }

  stop() {
    this.child?.kill();
  }
}

if (require.main === module) {
  for (let i = 0; i < 20; i += 1) unit(); // compiled before anything is measured
  setInterval(() => {
    const before = process.cpuUsage();
    unit();
    const used = process.cpuUsage(before);
    process.stdout.write(`${Date.now()} ${used.user + used.system}\n`);
  }, INTERVAL_MS);
}

module.exports = { SpeedCanary, unit, INTERVAL_MS };
