import { z } from 'zod';
import { formFields, type FormSpec } from '@/lib/action-state';

/**
 * What people type into the account forms (invite, set password, profile). Parsed by the server
 * actions and the users:create command; pure, so the rules are unit-tested.
 */
// Names appear in lists, mails and the audit log: control characters (line breaks included), text
// direction overrides and broken UTF-16 would let one name disguise itself or another.
const HIDDEN_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;
export const personName = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(100, 'Use at most 100 characters.')
  .refine(
    (name) => !HIDDEN_CHARACTERS.test(name),
    'Use visible characters only: no line breaks, tabs or control characters.',
  )
  .transform((name) => name.normalize('NFC'));

export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Use at most 254 characters.')
  .pipe(z.email('Enter a valid email address, such as name@example.com.'));

export const roleChoice = z.enum(['USER', 'ADMIN'], 'Choose a role: Customer or Admin.');

export const inviteSchema = z.object({ name: personName, email: emailAddress, role: roleChoice });
export type InviteInput = z.output<typeof inviteSchema>;

/** Long passphrases welcome; no composition rules (NIST SP 800-63B). The hash bounds the work, not the length. */
export const MIN_PASSWORD_LENGTH = 10;
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, 'Use at most 200 characters.');

/** A new password typed twice; a mismatch is reported on the second field. */
export function newPasswordPair<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object({ ...shape, password: newPassword, confirm: z.string() }).superRefine((value, ctx) => {
    const { password, confirm } = value as { password?: unknown; confirm?: unknown };
    if (typeof password === 'string' && password.length >= MIN_PASSWORD_LENGTH && password !== confirm)
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The two passwords differ. Type the new one again.' });
  });
}

// ── The account forms: the browser checks these rules first, the server actions parse with them ──

/** A one-time link's token (hidden, or typed from the server log on /setup). */
const linkToken = z.string().min(1, 'Enter the code from the setup link.').max(200, 'That code is too long.');
const currentPassword = z.string().min(1, 'Enter your current password.').max(200);

export const inviteForm = {
  input: inviteSchema,
  fromForm: (form) => formFields(form, 'name', 'email', 'role'),
} satisfies FormSpec<typeof inviteSchema>;

const setPasswordFields = newPasswordPair({ token: linkToken });
export const setPasswordForm = {
  input: setPasswordFields,
  fromForm: (form) => formFields(form, 'token', 'password', 'confirm'),
} satisfies FormSpec<typeof setPasswordFields>;

// Forgot password and the sign-in link: a form holding one email address.
const emailOnlyFields = z.object({ email: emailAddress });
export const emailOnlyForm = {
  input: emailOnlyFields,
  fromForm: (form) => formFields(form, 'email'),
} satisfies FormSpec<typeof emailOnlyFields>;

const setupFields = newPasswordPair({ token: linkToken, name: personName, email: emailAddress });
export const setupForm = {
  input: setupFields,
  fromForm: (form) => formFields(form, 'token', 'name', 'email', 'password', 'confirm'),
} satisfies FormSpec<typeof setupFields>;

const nameFields = z.object({ name: personName });
export const nameForm = {
  input: nameFields,
  fromForm: (form) => formFields(form, 'name'),
} satisfies FormSpec<typeof nameFields>;

const emailChangeFields = z.object({ email: emailAddress, currentPassword });
export const emailChangeForm = {
  input: emailChangeFields,
  fromForm: (form) => formFields(form, 'email', 'currentPassword'),
} satisfies FormSpec<typeof emailChangeFields>;

const passwordChangeFields = newPasswordPair({ currentPassword });
export const passwordChangeForm = {
  input: passwordChangeFields,
  fromForm: (form) => formFields(form, 'currentPassword', 'password', 'confirm'),
} satisfies FormSpec<typeof passwordChangeFields>;
