'use client';

import {
  changeNameAction,
  changePasswordAction,
  requestEmailChangeAction,
  signOutEverywhereAction,
} from '@/lib/actions/profile';
import { NewPasswordFields } from '@/components/account/new-password-fields';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { TextField } from '@/components/ui/text-field';
import { useKeptForm } from '@/components/ui/use-kept-form';
import type { ActionState } from '@/lib/action-state';

function Outcome({ state }: { state: ActionState<unknown> }) {
  if (state.status === 'error') return <Alert tone="error">{state.message}</Alert>;
  if (state.status === 'success' && state.message) return <Alert tone="success">{state.message}</Alert>;
  return null;
}

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
  const { state, pending, fieldErrors, formProps } = useKeptForm(changeNameAction);
  return (
    <Section id="name-heading" title="Name">
      <form {...formProps} className="space-y-4">
        <Outcome state={state} />
        <TextField name="name" label="Name" autoComplete="name" required defaultValue={name} error={fieldErrors.name} />
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? 'Saving…' : 'Save name'}
        </button>
      </form>
    </Section>
  );
}

export function EmailForm({ email }: { email: string }) {
  const { state, pending, fieldErrors, formProps } = useKeptForm(requestEmailChangeAction);
  return (
    <Section id="email-heading" title="Email address">
      <form {...formProps} className="space-y-4">
        <p className="text-sm text-slate-600">
          You sign in with <strong>{email}</strong>. To change it, we send a link to the new address; the change happens
          when you open it.
        </p>
        <Outcome state={state} />
        <TextField
          idPrefix="email-"
          name="email"
          label="New email address"
          type="email"
          autoComplete="email"
          required
          error={fieldErrors.email}
        />
        <TextField
          idPrefix="email-"
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldErrors.currentPassword}
        />
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? 'Sending…' : 'Send confirmation link'}
        </button>
      </form>
    </Section>
  );
}

export function PasswordForm({ email }: { email: string }) {
  const { state, pending, fieldErrors, formProps } = useKeptForm(changePasswordAction, { resetOnSuccess: true });
  return (
    <Section id="password-heading" title="Password">
      <form {...formProps} className="space-y-4">
        <Outcome state={state} />
        <TextField
          idPrefix="password-"
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldErrors.currentPassword}
        />
        <NewPasswordFields email={email} errors={fieldErrors} />
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? 'Saving…' : 'Change password'}
        </button>
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
