'use server';

import { z } from 'zod';
import { defineFormAction } from '@/lib/actions/builder';
import { retryMail } from '@/lib/dal/mail';

/** Retry on /admin/mail: a failed mail goes back into the queue. */
export const retryMailAction = defineFormAction({
  role: 'admin',
  // Any text reaches the DAL, which refuses an unknown id with a message (and audits it).
  input: z.string().max(100).catch(''),
  fromForm: (form) => form.get('mailId'),
  run: (id, { request }) => retryMail(id, request),
  // No revalidation: the row keeps this message in place of its button until the page is reloaded.
  success: 'Queued again: it goes out within seconds.',
});
