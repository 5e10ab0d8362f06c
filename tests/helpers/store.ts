/**
 * Which S3 server the suite runs against (set by scripts/lib/services.ts). The in-process emulator
 * verifies signatures but enforces no POST policy, bucket policy or Block Public Access: tests of
 * those are skipped there, with the reason printed, never passed. CI always runs against radosgw.
 */
export const storeKind = process.env.S3_STORE_KIND ?? 'external';

export const storeEnforcesPolicies = storeKind !== 'emulator';

/** Use as `describe.skipIf(skipWithoutEnforcement('POST policy'))(...)`: prints why it skips. */
export function skipWithoutEnforcement(what: string): boolean {
  if (storeEnforcesPolicies) return false;
  console.warn(`SKIPPED (${what}): the S3 emulator does not enforce ${what}; run with radosgw (CI does) to test it.`);
  return true;
}

/** For behaviour the emulator gets wrong (not merely leaves unenforced): prints why it skips. */
export function skipOnEmulator(reason: string): boolean {
  if (storeKind !== 'emulator') return false;
  console.warn(`SKIPPED: ${reason}; run with radosgw (CI does) to test it.`);
  return true;
}
