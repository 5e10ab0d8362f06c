import 'server-only';
import { USE_CASES } from '@/lib/storage/security/use-cases';
import { presignGet } from '@/lib/storage/presign';

let cached: Promise<string[]> | undefined;

/**
 * The origins of the URLs the app signs, for the Content-Security-Policy: the bucket's endpoint and
 * each use case's Access Point, exactly as presign.ts addresses them (path-style or virtual-hosted,
 * AWS or not). Read off a URL signed for one key per use case, once per process: the configuration
 * does not change while it runs.
 */
export function s3Origins(): Promise<string[]> {
  cached ??= Promise.all(
    USE_CASES.map(
      async ({ prefix }) => new URL((await presignGet(`${prefix}csp`, { purpose: 'download' })).url).origin,
    ),
  )
    .then((origins) => [...new Set(origins)])
    .catch((error) => {
      cached = undefined; // credentials not reachable yet: ask again on the next request
      throw error;
    });
  return cached;
}
