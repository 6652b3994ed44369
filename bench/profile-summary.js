// Where a service's CPU time went, from a V8 .cpuprofile (`npm run bench -- --cpu-prof <service>`):
// self time by function and by package, so "what to optimise" is read off one table.
// usage: node bench/profile-summary.js <file.cpuprofile> [top]
const fs = require('node:fs');

function summarise(profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  // timeDeltas[i] is the time before samples[i]; attribute it to the sampled node.
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  const byPackage = new Map();
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    const where = callFrame.url.replace(/^file:\/\//, '');
    const fn = `${callFrame.functionName || '(anonymous)'} ${where ? `${where.split('/').slice(-2).join('/')}:${callFrame.lineNumber + 1}` : ''}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byPackage.set(packageOf(where, callFrame.functionName), (byPackage.get(packageOf(where, callFrame.functionName)) ?? 0) + us);
  }
  const table = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1e6).toFixed(2).padStart(7)} s  ${name}`);
  return { totalSeconds: total / 1e6, byPackage: table(byPackage), byFunction: table(byFunction) };
}

/** node_modules package, newsflow workspace project, Node internals, or V8's own buckets ((idle), (garbage collector)). */
function packageOf(where, functionName) {
  if (!where) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where);
  if (modules) return modules[1];
  const workspace = /\/(services|libs)\/([^/]+)\//.exec(where);
  if (workspace) return `${workspace[1]}/${workspace[2]}`;
  return where.startsWith('node:') ? 'node internals' : where;
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/profile-summary.js <file.cpuprofile> [top]');
    process.exit(2);
  }
  const result = summarise(JSON.parse(fs.readFileSync(file, 'utf8')), Number(top ?? 25));
  console.log(`profile: ${result.totalSeconds.toFixed(1)} s sampled\n\nself time by package:\n${result.byPackage.join('\n')}\n\nself time by function:\n${result.byFunction.join('\n')}`);
}

module.exports = { summarise };
