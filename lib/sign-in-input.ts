import { z } from 'zod';
import { formFields, type FormSpec } from '@/lib/action-state';

/** What the sign-in form must hold: checked in the browser first, then by the server. */
export const credentialsSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').max(254).email('Enter a valid email address.'),
  password: z.string().min(1, 'Enter your password.').max(1024, 'That password is too long.'),
});

export const signInForm = {
  input: credentialsSchema,
  fromForm: (form) => formFields(form, 'email', 'password'),
} satisfies FormSpec<typeof credentialsSchema>;
