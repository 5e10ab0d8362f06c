// npm run bench: starts its own PostgreSQL and S3 store (radosgw when installed), exactly as the
// test runner does, then runs each benchmark in a child that loads the app's modules.
import { startServices } from '../../scripts/lib/services';
import { freePort, mustRun } from '../../scripts/lib/util.mjs';

const services = await startServices({
  mode: 'test',
  appUrl: `http://127.0.0.1:${await freePort()}`,
  requireRgw: process.env.REQUIRE_RGW === '1',
});
try {
  console.log(`S3 store: ${services.storeKind} (${services.env.S3_ENDPOINT ?? 'AWS'})`);
  await mustRun(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'tests/bench/upload-throughput.ts'],
    { env: services.env },
  );
} finally {
  await services.stop();
}
