// Installs the locked dependencies when node_modules is missing or older than package-lock.json.
const { execSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const marker = path.join(root, 'node_modules', '.newsflow-lock-hash');

function lockHash() {
  return createHash('sha256').update(fs.readFileSync(path.join(root, 'package-lock.json'))).digest('hex');
}

function ensureDeps() {
  const wanted = lockHash();
  const have = fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').trim() : '';
  if (have === wanted) return;
  console.log('[newsflow] installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  fs.writeFileSync(marker, wanted);
}

module.exports = { ensureDeps };
if (require.main === module) ensureDeps();
