// npm run screenshots: the main pages at 1280x800 and 390x844, light and dark, as PNGs in
// .screenshots/ (git-ignored; the list of files is printed). Starts its own PostgreSQL and S3 (the
// in-process emulator), builds the app as the e2e tests do, and walks tests/e2e/pages.ts.
import fs from 'node:fs';
import path from 'node:path';
import { startServices } from './lib/services';
import { freePort, log, run } from './lib/util.mjs';

const out = path.resolve('.screenshots');
fs.rmSync(out, { recursive: true, force: true });
const appUrl = `http://127.0.0.1:${await freePort()}`;
const services = await startServices({ mode: 'test', appUrl, emulator: true });
let code = 1;
try {
  const env: NodeJS.ProcessEnv = { ...services.env, NODE_ENV: 'production', NEXT_DIST_DIR: '.next-test' };
  code = await run('next', ['build'], { env });
  if (code === 0) code = await run('playwright', ['test', '--config', 'playwright.screenshots.config.ts'], { env });
} finally {
  await services.stop();
}
const files = fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith('.png')) : [];
log('screenshots', `${files.length} screenshots in ${path.relative(process.cwd(), out)}/`);
process.exit(code);
