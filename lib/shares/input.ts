import { z } from 'zod';
import { formFields, type FormSpec } from '@/lib/action-state';
import { idSchema } from '@/lib/shares/ids';

/**
 * What admins may type when creating or editing a share. Parsed by the server actions; pure, so the
 * rules are unit-tested. Times arrive as ISO strings with an offset (the browser converts its local
 * date and time), so the server never guesses the admin's time zone.
 */
export const MAX_RECIPIENTS_PER_REQUEST = 50;

export const recipientSchema = z.object({
  name: z.string().trim().min(1, 'Enter the recipient’s name.').max(200, 'Use at most 200 characters.'),
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.')),
});
export type RecipientInput = z.infer<typeof recipientSchema>;

/** The furthest a share may end: a time-limited link, and a date every layer can store and read back. */
export const SHARE_MAX_YEARS = 5;

/**
 * The recipient rows of a form, a blank row as null: it is dropped, but only after every other
 * row is checked, so that an error's index is the row the admin sees.
 */
const recipientRows = z
  .array(recipientSchema.nullable())
  .transform((rows) => rows.filter((row) => row !== null))
  .refine((rows) => rows.length > 0, 'Add at least one recipient.')
  .refine(
    (rows) => rows.length <= MAX_RECIPIENTS_PER_REQUEST,
    `Add at most ${MAX_RECIPIENTS_PER_REQUEST} recipients at a time.`,
  );

const futureDate = z.coerce
  .date({ message: 'Choose the date and time when access ends.' })
  .refine((d) => d.getTime() > Date.now(), 'Choose a date and time in the future.')
  // PostgreSQL stores year 10000 and later, but they read back as Invalid Date and broke the share list for every admin.
  .refine(
    (d) => d.getTime() <= Date.now() + SHARE_MAX_YEARS * 366 * 86_400_000,
    `Choose a date within the next ${SHARE_MAX_YEARS} years.`,
  );

const maxDownloads = z
  .union([
    z.literal('').transform(() => null),
    z.coerce
      .number()
      .int('Enter a whole number.')
      .min(1, 'Allow at least 1 download, or leave empty for no limit.')
      .max(100_000, 'Use at most 100000.'),
  ])
  .nullable();

export const passwordSchema = z.string().min(8, 'Use at least 8 characters.').max(200, 'Use at most 200 characters.');

const fileIds = z.array(idSchema).min(1, 'Choose at least one file.').max(500, 'Choose at most 500 files.');

export const createShareSchema = z.object({
  title: z.string().trim().min(1, 'Enter a title.').max(200, 'Use at most 200 characters.'),
  message: z.string().trim().max(5_000, 'Use at most 5000 characters.'),
  expiresAt: futureDate,
  password: z.union([z.literal(''), passwordSchema]).transform((p) => p || null),
  maxDownloads,
  fileIds,
  recipients: recipientRows,
});
export type CreateShareInput = z.infer<typeof createShareSchema>;

/** Password on edit: keep the current one, set a new one, or remove it. */
export const updateShareSchema = z
  .object({
    title: createShareSchema.shape.title,
    message: createShareSchema.shape.message,
    expiresAt: futureDate,
    passwordMode: z.enum(['keep', 'set', 'remove']),
    password: z.string(),
    maxDownloads,
    fileIds,
  })
  .superRefine((value, ctx) => {
    if (value.passwordMode !== 'set') return;
    const parsed = passwordSchema.safeParse(value.password);
    if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['password'], message: parsed.error.issues[0].message });
  });
export type UpdateShareInput = z.infer<typeof updateShareSchema>;

/** Recipients arrive as parallel `recipientName` / `recipientEmail` fields; a blank row is null. */
export function recipientsFromForm(formData: FormData): ({ name: string; email: string } | null)[] {
  const names = formData.getAll('recipientName').map(String);
  const emails = formData.getAll('recipientEmail').map(String);
  return names
    .map((name, i) => ({ name, email: emails[i] ?? '' }))
    .map((r) => (r.name.trim() || r.email.trim() ? r : null));
}

/** The share form's terms, as both create and edit read them. */
function shareTerms(form: FormData) {
  return {
    title: form.get('title') ?? '',
    message: form.get('message') ?? '',
    expiresAt: form.get('expiresAt') || undefined,
    password: form.get('password') ?? '',
    maxDownloads: form.get('maxDownloads') ?? '',
    fileIds: form.getAll('fileId').map(String),
  };
}

export const createShareForm = {
  input: createShareSchema,
  fromForm: (form) => ({ ...shareTerms(form), recipients: recipientsFromForm(form) }),
} satisfies FormSpec<typeof createShareSchema>;

const updateShareInput = z.object({ shareId: idSchema }).and(updateShareSchema);
export const updateShareForm = {
  input: updateShareInput,
  fromForm: (form) => ({
    ...shareTerms(form),
    shareId: form.get('shareId'),
    passwordMode: form.get('passwordMode') ?? 'keep',
  }),
} satisfies FormSpec<typeof updateShareInput>;

const addRecipientsInput = z.object({ shareId: idSchema, recipients: recipientRows });
export const addRecipientsForm = {
  input: addRecipientsInput,
  fromForm: (form) => ({ shareId: form.get('shareId'), recipients: recipientsFromForm(form) }),
} satisfies FormSpec<typeof addRecipientsInput>;

/** A partner typing a share's password (the token is the link's, in a hidden field). */
const unlockInput = z.object({
  token: z.string().min(1).max(100),
  password: z.string().min(1, 'Enter the password.').max(200, 'That password is too long.'),
});
export const unlockForm = {
  input: unlockInput,
  fromForm: (form) => ({ ...formFields(form, 'token'), password: form.get('password') ?? '' }),
} satisfies FormSpec<typeof unlockInput>;

/** A raw pre-signed URL for one of a share's files, only once the admin confirmed it cannot be revoked. */
const rawUrlInput = z.object({
  shareId: idSchema,
  fileId: idSchema,
  ttlSeconds: z.coerce.number().int().min(60, 'Choose how long the URL lives.'),
  acknowledged: z.literal('yes', { message: 'Confirm that you understand this URL cannot be revoked.' }),
});
export const rawUrlForm = {
  input: rawUrlInput,
  fromForm: (form) => formFields(form, 'shareId', 'fileId', 'ttlSeconds', 'acknowledged'),
} satisfies FormSpec<typeof rawUrlInput>;
