'use client';

import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { DateTime } from '@/components/ui/date-time';
import { createInvoiceLinkAction } from '@/lib/actions/invoices';
import { formatRelative } from '@/lib/format';

type LinkState =
  | { kind: 'none' }
  | { kind: 'error'; message: string }
  | { kind: 'link'; url: string; expiresAt: Date; copied: boolean };

/**
 * "Copy link": asks the server for a link to forward (an app link checked on every click; the server
 * alone picks its lifetime, from the invoice TTL policy), copies it, and says exactly when it stops
 * working.
 */
export function CopyLinkButton({ invoiceId, number }: { invoiceId: string; number: string }) {
  const [state, setState] = useState<LinkState>({ kind: 'none' });
  const [pending, startTransition] = useTransition();

  const createLink = () =>
    startTransition(async () => {
      const result = await createInvoiceLinkAction(invoiceId);
      if (result.status !== 'success' || !result.data) {
        setState({
          kind: 'error',
          message: result.status === 'error' ? result.message : 'The link could not be made. Try again.',
        });
        return;
      }
      const { url, expiresAt } = result.data;
      const copied = await navigator.clipboard?.writeText(url).then(
        () => true,
        () => false,
      );
      setState({ kind: 'link', url, expiresAt: new Date(expiresAt), copied: Boolean(copied) });
    });

  return (
    <div className="space-y-2">
      <button type="button" onClick={createLink} disabled={pending} className={`${buttonStyles.secondary} px-3 py-1.5`}>
        {pending ? 'Making link…' : 'Copy link'}
        <span className="sr-only"> to {number}</span>
      </button>
      {state.kind === 'error' && <Alert tone="error">{state.message}</Alert>}
      {state.kind === 'link' && (
        <div className="space-y-2">
          <Alert tone="success">
            {state.copied ? 'Link copied to the clipboard.' : 'Copy the link below.'} It expires on{' '}
            <DateTime value={state.expiresAt} /> ({formatRelative(state.expiresAt)}).
          </Alert>
          <label className="block text-xs font-medium text-slate-700">
            Link to {number}
            <input
              readOnly
              value={state.url}
              onFocus={(e) => e.currentTarget.select()}
              className="mt-1 block w-full rounded-md border-0 px-2 py-1 font-mono text-xs text-slate-700 ring-1 ring-slate-300 ring-inset"
            />
          </label>
        </div>
      )}
    </div>
  );
}
