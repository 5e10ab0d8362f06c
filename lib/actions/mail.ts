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
  success: ({ to }) => `Queued again: the mail to ${to} goes out within a few seconds.`,
  revalidate: () => ['/admin/mail'],
});
