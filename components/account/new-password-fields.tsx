import { TextField } from '@/components/ui/text-field';

/** A new password typed twice, with the username for password managers. */
export function NewPasswordFields({ email, errors }: { email: string; errors: Partial<Record<string, string>> }) {
  return (
    <>
      {/* Lets a password manager store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. A few unrelated words make a strong one."
        error={errors.password}
      />
      <TextField
        name="confirm"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirm}
      />
    </>
  );
}
