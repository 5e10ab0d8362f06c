'use client';

import { useActionState, useState } from 'react';
import { idle, type ActionState } from '@/lib/action-state';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';

/**
 * The one way the app confirms a destructive action: inline, never with a browser dialog. The first
 * click shows what will happen and a confirm button; only that submits the action with the given
 * hidden fields. A refusal replaces the button with its message.
 */
export function ConfirmAction<Data>({
  action,
  fields,
  label,
  accessibleLabel,
  question,
  confirmLabel,
  size = '',
}: {
  action: (previous: ActionState<Data>, formData: FormData) => Promise<ActionState<Data>>;
  fields: Record<string, string>;
  label: string;
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  /** Extra classes for the first button, e.g. a smaller one inside a table row. */
  size?: string;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  const [asking, setAsking] = useState(false);
  if (state.status === 'error') return <Alert tone="error">{state.message}</Alert>;
  if (!asking) {
    return (
      <button
        type="button"
        className={`${buttonStyles.danger} ${size}`}
        onClick={() => setAsking(true)}
        aria-label={accessibleLabel}
      >
        {label}
      </button>
    );
  }
  return (
    <form action={formAction} className="flex min-w-64 flex-wrap items-center gap-2" role="group" aria-label={question}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <span className="text-sm text-slate-700">{question}</span>
      <button type="submit" disabled={pending} className={buttonStyles.danger}>
        {pending ? 'Working…' : confirmLabel}
      </button>
      <button type="button" className={buttonStyles.secondary} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </form>
  );
}
