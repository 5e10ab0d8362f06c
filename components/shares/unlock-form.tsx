'use client';

import { unlockShareAction } from '@/lib/actions/unlock-share';
import { unlockForm } from '@/lib/shares/input';
import { TextField } from '@/components/ui/field';
import { FormMessage, SubmitButton, useFormAction } from '@/components/ui/form';

export function UnlockForm({ token }: { token: string }) {
  const form = useFormAction(unlockShareAction, unlockForm);
  return (
    <form {...form.props} className="space-y-4">
      <FormMessage state={form.state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        id="password"
        label="Password"
        hint="The sender gave you this password separately."
        type="password"
        required
        autoComplete="current-password"
        error={form.errors.password}
      />
      <SubmitButton pending={form.pending} pendingLabel="Checking…" className="w-full sm:w-auto">
        Unlock
      </SubmitButton>
    </form>
  );
}
