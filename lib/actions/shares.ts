'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction, defineFormAction } from '@/lib/actions/builder';
import { formFields } from '@/lib/action-state';
import { issueRawUrl } from '@/lib/dal/share-raw-urls';
import {
  addRecipients,
  createShare,
  emailShareLinks,
  removeRecipient,
  revokeRecipient,
  revokeShare,
  shareableFiles,
  updateShare,
} from '@/lib/dal/shares';
import { idSchema } from '@/lib/shares/ids';
import {
  addRecipientsForm,
  createShareForm,
  MAX_RECIPIENTS_PER_REQUEST,
  rawUrlForm,
  updateShareForm,
} from '@/lib/shares/input';

/** Creates a share and returns each recipient's link, which the admin sees only this once. */
export const createShareAction = defineFormAction({
  role: 'admin',
  ...createShareForm,
  run: (input, { request }) => createShare(input, request),
  success: 'Share created.',
  revalidate: () => ['/admin/shares'],
});

/** Saves a share's terms and files; links, counts and logs stay as they are. */
export const updateShareAction = defineFormAction({
  role: 'admin',
  ...updateShareForm,
  invalid: (issues) =>
    issues.some((issue) => issue.path[0] === 'shareId')
      ? 'This share no longer exists.'
      : 'Check the highlighted fields.',
  run: async ({ shareId, ...terms }, { request }) => {
    await updateShare(shareId, terms, request);
    redirect(`/admin/shares/${shareId}`);
  },
  revalidate: ({ shareId }) => [`/admin/shares/${shareId}`],
});

/** Adds recipients to a share; returns their new links, shown only this once. */
export const addShareRecipientsAction = defineFormAction({
  role: 'admin',
  ...addRecipientsForm,
  run: (input, { request }) => addRecipients(input.shareId, input.recipients, request),
  success: 'Recipients added.',
  revalidate: ({ shareId }) => [`/admin/shares/${shareId}`],
});

/** Revokes a whole share: every recipient's link stops working at its next click. */
export const revokeShareAction = defineFormAction({
  role: 'admin',
  input: z.object({ shareId: idSchema }),
  fromForm: (form) => formFields(form, 'shareId'),
  invalid: 'This share no longer exists.',
  run: (input, { request }) => revokeShare(input.shareId, request),
  success: 'Share revoked. Its links no longer open.',
  revalidate: ({ shareId }) => [`/admin/shares/${shareId}`, '/admin/shares'],
});

/** The two things an admin does to one recipient's link differ only in the DAL verb and the wording. */
function recipientAction(verb: typeof revokeRecipient, success: string) {
  return defineFormAction({
    role: 'admin',
    input: z.object({ shareId: idSchema, recipientId: idSchema }),
    fromForm: (form) => formFields(form, 'shareId', 'recipientId'),
    invalid: 'This recipient is no longer on the share.',
    run: (input, { request }) => verb(input.shareId, input.recipientId, request),
    success,
    revalidate: ({ shareId }) => [`/admin/shares/${shareId}`],
  });
}

/** Revokes one recipient's link; the share's other links keep working. */
export const revokeShareRecipientAction = recipientAction(revokeRecipient, 'Link revoked.');

/** Removes a recipient (and their link) from a share; the audit log keeps the history. */
export const removeShareRecipientAction = recipientAction(removeRecipient, 'Recipient removed.');

/** Issues a raw pre-signed URL for one file (not revocable: the form makes the admin confirm that first). */
export const issueRawShareUrlAction = defineFormAction({
  role: 'admin',
  ...rawUrlForm,
  invalid: (issues) => issues[0].message,
  run: (input, { request }) => issueRawUrl(input.shareId, input.fileId, input.ttlSeconds, request),
});

/** The share form's file search: ready library files whose name contains the text, newest first. */
export const searchShareableFilesAction = defineAction({
  role: 'admin',
  input: z.string().max(200),
  invalid: 'Search for at most 200 characters.',
  run: (search) => shareableFiles(search),
});

/** Mails each recipient of freshly issued links their own link (the links come from the admin's page). */
export const emailShareLinksAction = defineAction({
  role: 'admin',
  input: z.object({
    shareId: idSchema,
    links: z
      .array(z.object({ recipientId: idSchema, url: z.string().max(2_000) }))
      .min(1)
      .max(MAX_RECIPIENTS_PER_REQUEST),
  }),
  run: ({ shareId, links }, { request }) => emailShareLinks(shareId, links, request),
  success: ({ queued, alreadySent }) =>
    queued === 0
      ? 'These links were emailed already; nobody gets a second mail.'
      : `Emailed ${queued === 1 ? 'one recipient their link' : `${queued} recipients each their own link`}${alreadySent ? ` (${alreadySent} had theirs already)` : ''}.`,
});
