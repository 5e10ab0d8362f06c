// postinstall: applies patches/ (fixes to the in-process S3 emulator, see README) with patch-package.
// Both are devDependencies: a production install (npm ci --omit=dev) has neither, and nothing to patch.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

// patch-package names files <name, "/" as "+">+<version>[+<sequence>+<title>].patch
const patched = fs.readdirSync('patches').map((file) => {
  const name = file.replace(/\+\d[^+]*(\+.*)?\.patch$/, '');
  return name.startsWith('@') ? name.replace('+', '/') : name;
});
const installed = patched.filter((name) => fs.existsSync(`node_modules/${name}/package.json`));
if (!installed.length || !fs.existsSync('node_modules/patch-package/package.json')) {
  console.log(`[patches] skipped: ${[...new Set(patched)].join(', ')} not installed (production install)`);
  process.exit(0);
}
const { status } = spawnSync(process.execPath, ['node_modules/patch-package/index.js', '--error-on-fail'], {
  stdio: 'inherit',
});
process.exit(status ?? 1);
