import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { EXECUTABLES } from '../tests/e2e/browsers';

/**
 * The end-to-end tests need Debian's Chromium and Firefox ESR. Installs them with apt when this
 * runs as root (as CI does); otherwise stops with the exact command to run. Never skips.
 */
const missing = Object.values(EXECUTABLES).filter((path) => !existsSync(path));
if (missing.length > 0) {
  const command = 'apt-get update && apt-get install -y chromium firefox-esr';
  if (process.getuid?.() !== 0) {
    console.error(`The end-to-end tests need ${missing.join(' and ')}. Install them with:\n  sudo sh -c '${command}'`);
    process.exit(1);
  }
  console.error(`Installing the browsers the end-to-end tests drive: ${command}`);
  execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const still = Object.values(EXECUTABLES).filter((path) => !existsSync(path));
  if (still.length > 0) {
    console.error(`Still missing after apt-get: ${still.join(', ')}`);
    process.exit(1);
  }
}
