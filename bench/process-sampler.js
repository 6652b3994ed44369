// CPU time and memory of the service processes (and the machine), read from /proc: nothing to
// install, and it counts every thread (the enricher's extraction workers included).
const fs = require('node:fs');
const os = require('node:os');

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on

/** user+system CPU seconds of all threads, and current/peak resident set size in MB. */
function readProcess(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { cpuSeconds: (Number(stat[11]) + Number(stat[12])) / TICKS_PER_SECOND, rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

/** Busy and total ticks of the whole machine, so a result says how much CPU others were using. */
function readMachine() {
  const values = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  return { busy: total - values[3] - (values[4] ?? 0), total };
}

/** Samples every `intervalMs`; `phase(name)` marks where each measured phase starts and ends. */
class ProcessSampler {
  constructor(services, intervalMs = 1000) {
    this.services = services;
    this.intervalMs = intervalMs;
    this.samples = [];
    this.marks = {};
  }

  start() {
    this.startedAt = Date.now();
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  sample() {
    const row = { t: Date.now(), machine: readMachine(), services: {} };
    for (const s of this.services) {
      try {
        row.services[s.name] = readProcess(s.pid);
      } catch {
        // the process has exited; its last sample stands
      }
    }
    this.samples.push(row);
    return row;
  }

  /** Marks a point in time with a full sample, so phases get exact CPU deltas. */
  mark(name) {
    this.marks[name] = this.sample();
  }

  stop() {
    clearInterval(this.timer);
    this.sample();
  }

  /** CPU seconds each service used between two marks, and the machine's busy share meanwhile. */
  between(from, to) {
    const a = this.marks[from];
    const b = this.marks[to];
    const services = {};
    for (const name of Object.keys(b.services)) services[name] = round(b.services[name].cpuSeconds - (a.services[name]?.cpuSeconds ?? 0), 2);
    const machineBusy = (b.machine.busy - a.machine.busy) / Math.max(1, b.machine.total - a.machine.total);
    return { seconds: round((b.t - a.t) / 1000, 2), cpuSeconds: services, machineBusyShare: round(machineBusy, 3) };
  }

  /**
   * Cores each process used in each sampling interval from `since` on, and the whole machine's busy
   * cores (`machine`, which also counts what no sampled process did): where a latency spike's CPU went.
   */
  cpuPerInterval(since) {
    const cores = os.cpus().length;
    const rows = [];
    // CPU times tick every 10 ms, so a phase mark a few ms after a sample would make a row of noise:
    // short intervals are merged into the next.
    let a = this.samples.find((sample) => sample.t >= since);
    for (const b of this.samples) {
      if (!a || b.t - a.t < this.intervalMs / 2) continue;
      const seconds = (b.t - a.t) / 1000;
      const row = { s: round((b.t - since) / 1000, 1),
        machine: round((cores * (b.machine.busy - a.machine.busy)) / Math.max(1, b.machine.total - a.machine.total), 2) };
      for (const [name, now] of Object.entries(b.services)) {
        if (a.services[name]) row[name] = round((now.cpuSeconds - a.services[name].cpuSeconds) / seconds, 2);
      }
      rows.push(row);
      a = b;
    }
    return rows;
  }

  /** Peak RSS (kernel high-water mark) and total CPU per service over the whole run. */
  summary() {
    const last = this.samples[this.samples.length - 1];
    const out = {};
    for (const [name, value] of Object.entries(last.services)) out[name] = { cpuSeconds: round(value.cpuSeconds, 2), peakRssMb: round(value.peakRssMb, 1) };
    return out;
  }
}

const round = (value, digits) => Number(value.toFixed(digits));

function machineInfo() {
  const [one, five, fifteen] = os.loadavg();
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemMb: Math.round(os.totalmem() / 2 ** 20), node: process.version,
    loadAverage: { one: round(one, 2), five: round(five, 2), fifteen: round(fifteen, 2) } };
}

module.exports = { ProcessSampler, machineInfo, readMachine, readProcess };
