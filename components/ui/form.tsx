'use client';

import { useActionState, useEffect, useRef, useState, useTransition } from 'react';
import { fieldErrorsFrom, idle, type ActionState, type FormSpec } from '@/lib/action-state';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import type { z } from 'zod';

type FormAction<Data> = (previous: ActionState<Data>, form: FormData) => Promise<ActionState<Data>>;

/**
 * Every form's submit: checks the spec's rules in the browser first (the same schema the server
 * parses with, so the messages match), shows every field error at once and moves focus to the
 * first, and keeps what was typed: the action is dispatched from onSubmit, so React does not reset
 * the form after it, and a refusal leaves every field, checkbox and row as it was. `action` stays
 * on the form for a browser without JavaScript. `resetOnSuccess`: empty the form once the action
 * succeeds (a password change, an invitation sent), never after a refusal.
 */
export function useFormAction<Data>(
  action: FormAction<Data>,
  spec?: FormSpec<z.ZodType>,
  { resetOnSuccess = false } = {},
) {
  const [state, formAction, pending] = useActionState(action, idle);
  const [refused, setRefused] = useState<ActionState<Data> | null>(null);
  const [, startTransition] = useTransition();
  const ref = useRef<HTMLFormElement>(null);
  const shown = refused ?? state;

  useEffect(() => {
    if (shown.status === 'error') ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    if (shown.status === 'success' && resetOnSuccess) ref.current?.reset();
  }, [shown, resetOnSuccess]);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = spec?.input.safeParse(spec.fromForm(data));
    if (parsed && !parsed.success) {
      setRefused({
        status: 'error',
        message: 'Check the highlighted fields.',
        fieldErrors: fieldErrorsFrom(parsed.error.issues),
      });
      return;
    }
    setRefused(null);
    startTransition(() => formAction(data));
  };

  return {
    state: shown,
    errors: shown.status === 'error' ? (shown.fieldErrors ?? {}) : {},
    pending,
    props: { ref, action: formAction, onSubmit, noValidate: true },
  };
}

/** The form's own message: what went wrong (announced), or what succeeded when the form stays. */
export function FormMessage({ state, success = false }: { state: ActionState<unknown>; success?: boolean }) {
  if (state.status === 'error') return <Alert tone="error">{state.message}</Alert>;
  if (success && state.status === 'success' && state.message) return <Alert tone="success">{state.message}</Alert>;
  return null;
}

/** A submit button that says what it is doing while the form is sent, and cannot be sent twice. */
export function SubmitButton({
  pending,
  pendingLabel,
  children,
  variant = 'primary',
  className = '',
}: {
  pending: boolean;
  pendingLabel: string;
  children: React.ReactNode;
  variant?: keyof typeof buttonStyles;
  className?: string;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`${buttonStyles[variant]} ${className}`}
    >
      {pending && <Spinner />}
      {pending ? pendingLabel : children}
    </button>
  );
}

export function Spinner() {
  return (
    <span
      aria-hidden="true"
      className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent"
    />
  );
}
