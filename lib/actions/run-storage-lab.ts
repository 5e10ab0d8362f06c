'use server';

import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/builder';
import { DalError } from '@/lib/dal/errors';
import { runStorageLab } from '@/lib/dal/storage-security';

/** Runs the access-control lab (admins only: the DAL re-checks the session). */
export const runStorageLabAction = defineAction({
  role: 'admin',
  // Takes no input: useActionState hands it the previous state, which is ignored.
  input: z.unknown(),
  run: async () => {
    try {
      return await runStorageLab();
    } catch (error) {
      unstable_rethrow(error);
      throw new DalError(
        `The lab could not reach the bucket (${error instanceof Error ? error.message : String(error)}). Check /api/health and the S3 settings, then run it again.`,
      );
    }
  },
  success: (rows) => {
    const unexpected = rows.filter((r) => r.outcome === 'unexpected').length;
    return unexpected
      ? `${unexpected} request(s) got an unexpected answer: see the rows marked Unexpected.`
      : 'Every request got the answer its access controls call for, or says why it could not be tested.';
  },
});
