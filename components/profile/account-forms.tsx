'use client';

import {
  changeNameAction,
  changePasswordAction,
  requestEmailChangeAction,
  signOutEverywhereAction,
} from '@/lib/actions/profile';
import { emailChangeForm, nameForm, passwordChangeForm } from '@/lib/accounts/input';
import { NewPasswordFields } from '@/components/account/new-password-fields';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { EmailField, TextField } from '@/components/ui/field';
import { FormMessage, SubmitButton, useFormAction } from '@/components/ui/form';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id={id} className="mb-4 text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function NameForm({ name }: { name: string }) {
  const form = useFormAction(changeNameAction, nameForm);
  return (
    <Section id="name-heading" title="Name">
      <form {...form.props} className="space-y-4">
        <FormMessage state={form.state} success />
        <TextField
          id="name"
          label="Name"
          autoComplete="name"
          required
          maxLength={100}
          defaultValue={name}
          error={form.errors.name}
        />
        <SubmitButton pending={form.pending} pendingLabel="Saving…">
          Save name
        </SubmitButton>
      </form>
    </Section>
  );
}

export function EmailForm({ email }: { email: string }) {
  const form = useFormAction(requestEmailChangeAction, emailChangeForm);
  return (
    <Section id="email-heading" title="Email address">
      <form {...form.props} className="space-y-4">
        <p className="text-sm text-slate-600">
          You sign in with <strong>{email}</strong>. To change it, we send a link to the new address; the change happens
          when you open it.
        </p>
        <FormMessage state={form.state} success />
        <EmailField
          id="email-email"
          name="email"
          label="New email address"
          autoComplete="email"
          error={form.errors.email}
        />
        <TextField
          id="email-currentPassword"
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          error={form.errors.currentPassword}
        />
        <SubmitButton pending={form.pending} pendingLabel="Sending…">
          Send confirmation link
        </SubmitButton>
      </form>
    </Section>
  );
}

export function PasswordForm({ email }: { email: string }) {
  const form = useFormAction(changePasswordAction, passwordChangeForm, { resetOnSuccess: true });
  return (
    <Section id="password-heading" title="Password">
      <form {...form.props} className="space-y-4">
        <FormMessage state={form.state} success />
        <TextField
          id="password-currentPassword"
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          error={form.errors.currentPassword}
        />
        <NewPasswordFields email={email} errors={form.errors} />
        <SubmitButton pending={form.pending} pendingLabel="Saving…">
          Change password
        </SubmitButton>
      </form>
    </Section>
  );
}

export function SessionsSection() {
  return (
    <Section id="sessions-heading" title="Sessions">
      <div className="space-y-4">
        <p className="text-sm text-slate-600">
          Signed in on a computer you no longer use, or lost a phone? This ends your sessions on every device and
          browser, this one included. (Sign out ends only this one.)
        </p>
        <ConfirmAction
          action={signOutEverywhereAction}
          fields={{}}
          label="Sign out everywhere"
          question="End every session now?"
          confirmLabel="Sign out everywhere"
        />
      </div>
    </Section>
  );
}
