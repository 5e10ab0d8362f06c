import 'server-only';
import { USE_CASES } from '@/lib/storage/security/use-cases';
import { presignGet } from '@/lib/storage/presign';

let cached: Promise<string[]> | undefined;

/**
 * The origins of the URLs the app signs, for the Content-Security-Policy: the bucket's endpoint and
 * each use case's Access Point, exactly as presign.ts addresses them (path-style or virtual-hosted,
 * AWS or not). Read off a URL signed for one key per use case, once per process: the configuration
 * does not change while it runs. Without signing credentials there are none yet (no URL could be
 * signed either): pages still render, /api/health says what is wrong, and the next request asks again.
 */
export async function s3Origins(): Promise<string[]> {
  cached ??= Promise.all(
    USE_CASES.map(
      async ({ prefix }) => new URL((await presignGet(`${prefix}csp`, { purpose: 'download' })).url).origin,
    ),
  ).then((origins) => [...new Set(origins)]);
  try {
    return await cached;
  } catch (error) {
    cached = undefined;
    console.error('Content-Security-Policy: no S3 origin yet, signing failed:', error);
    return [];
  }
}
