import { TextField } from '@/components/ui/field';
import { MIN_PASSWORD_LENGTH } from '@/lib/accounts/input';

/** A new password typed twice, with the username for password managers. */
export function NewPasswordFields({ email, errors }: { email: string; errors: Partial<Record<string, string>> }) {
  return (
    <>
      {/* Lets a password manager store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        id="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={200}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
        error={errors.password}
      />
      <TextField
        id="confirm"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirm}
      />
    </>
  );
}
