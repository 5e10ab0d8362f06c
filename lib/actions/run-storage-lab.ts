'use server';

import { unstable_rethrow } from 'next/navigation';
import type { ActionState } from '@/lib/action-state';
import { runStorageLab } from '@/lib/dal/storage-security';
import type { LabRow } from '@/lib/storage/security/lab';

/** Runs the access-control lab (admins only: the DAL re-checks the session). Takes no input. */
export async function runStorageLabAction(): Promise<ActionState<LabRow[]>> {
  try {
    const rows = await runStorageLab();
    const unexpected = rows.filter((r) => r.outcome === 'unexpected').length;
    return { status: 'success', message: unexpected ? `${unexpected} request(s) got an unexpected answer: see the rows marked Unexpected.` : 'Every request got the answer its access controls call for, or says why it could not be tested.', data: rows };
  } catch (error) {
    unstable_rethrow(error);
    return { status: 'error', message: `The lab could not reach the bucket (${error instanceof Error ? error.message : String(error)}). Check /api/health and the S3 settings, then run it again.` };
  }
}
