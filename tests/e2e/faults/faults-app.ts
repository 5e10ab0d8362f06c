import { startAppServer } from '../../../scripts/lib/app-server';
import { FaultProxy } from './fault-proxy';

/**
 * The production build under test, started once more for the fault specs with its S3 endpoint and
 * its database behind FaultProxies (the other specs' server talks to both directly). Short S3
 * timeouts keep a hanging store's answer quick here; production keeps the defaults.
 */
export interface FaultsApp {
  url: string;
  s3: FaultProxy;
  db: FaultProxy;
  stop(): Promise<void>;
}

export async function startFaultsApp(): Promise<FaultsApp> {
  const s3Target = new URL(process.env.S3_ENDPOINT!);
  const dbTarget = new URL(process.env.DATABASE_URL!);
  const s3 = await FaultProxy.start({ host: s3Target.hostname, port: Number(s3Target.port) });
  const db = await FaultProxy.start({ host: dbTarget.hostname, port: Number(dbTarget.port) });
  const s3Endpoint = new URL(s3Target);
  s3Endpoint.port = String(s3.port);
  const dbUrl = new URL(dbTarget);
  dbUrl.port = String(db.port);
  const closeProxies = () => Promise.all([s3.close(), db.close()]);
  try {
    const server = await startAppServer({
      ...process.env,
      S3_ENDPOINT: s3Endpoint.origin,
      DATABASE_URL: dbUrl.toString(),
      S3_CONNECT_TIMEOUT_MS: '1000',
      S3_IDLE_TIMEOUT_MS: '2000',
    });
    return {
      url: server.url,
      s3,
      db,
      async stop() {
        await server.stop();
        await closeProxies();
      },
    };
  } catch (error) {
    await closeProxies();
    throw error;
  }
}
