'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { idle } from '@/lib/action-state';
import { voidInvoiceAction } from '@/lib/actions/invoices';

export function VoidInvoiceButton({ invoiceId, number }: { invoiceId: string; number: string }) {
  const [state, formAction, pending] = useActionState(voidInvoiceAction, idle);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Void invoice ${number}? Its customer will no longer be able to download it.`)) event.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <button type="submit" disabled={pending} className={`${buttonStyles.danger} px-3 py-1.5`}>
        {pending ? 'Voiding…' : 'Void'}
        <span className="sr-only"> {number}</span>
      </button>
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
    </form>
  );
}
