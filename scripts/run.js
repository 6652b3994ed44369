// Small helpers for the top-level scripts: run a command with inherited output, fail loudly.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

module.exports = { run, bin, root };
