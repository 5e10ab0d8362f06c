// npm run build, after `next build`: completes the standalone output. Next leaves the browser
// assets (.next/static) and public/ out of .next/standalone, because a CDN may serve them; Guestpass
// serves them itself, so they are copied next to server.js and the directory runs on its own.
import fs from 'node:fs';
import path from 'node:path';

const distDir = process.env.NEXT_DIST_DIR || '.next';
const standalone = path.join(distDir, 'standalone');
if (!fs.existsSync(path.join(standalone, 'server.js'))) {
  console.error(`${standalone}/server.js is missing: run next build with output: 'standalone' first.`);
  process.exit(1);
}
fs.cpSync(path.join(distDir, 'static'), path.join(standalone, distDir, 'static'), { recursive: true });
fs.cpSync('public', path.join(standalone, 'public'), { recursive: true });
console.log(`[build] ${standalone} is ready: npm start runs it (or node ${standalone}/server.js).`);
