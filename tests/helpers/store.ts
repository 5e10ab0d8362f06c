import type { StoreKind } from '@/lib/storage/security/store';

/**
 * Which S3 server the suite runs against (set by scripts/lib/services.ts). The in-process emulator
 * (patched, see patches/) does everything the app asks of S3 except bucket policies, Block Public
 * Access and access points. A test that needs one of those names it in its title through
 * `needs(...)`, and is skipped only on a store without it; `npm test` counts those skips by reason
 * and fails the run on any other skip.
 */
export const storeKind = (process.env.S3_STORE_KIND ?? 'other') as StoreKind;

export type StoreFeature = 'bucket policy' | 'Block Public Access' | 'access points';

/** What each local store lacks (radosgw's access points are the app's AWS-only feature, untested locally either way). */
export const MISSING_FEATURES: Record<string, StoreFeature[]> = {
  emulator: ['bucket policy', 'Block Public Access', 'access points'],
};

/**
 * For a test that needs store features: `skip` on a store without them, and a title tag the test
 * runner reads to tell a sanctioned skip from an accidental one.
 * `const n = needs('bucket policy'); describe.skipIf(n.skip)(n.title('…'), …)`
 */
export function needs(...features: StoreFeature[]): { skip: boolean; title: (title: string) => string } {
  const missing = features.filter((f) => MISSING_FEATURES[storeKind]?.includes(f));
  if (missing.length)
    console.warn(`SKIPPED on the ${storeKind}: it has no ${missing.join(' or ')}; radosgw (CI) runs these tests.`);
  return { skip: missing.length > 0, title: (title) => `${title} [needs ${features.join(', ')}]` };
}
