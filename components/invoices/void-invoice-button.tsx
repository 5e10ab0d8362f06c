'use client';

import { ConfirmAction } from '@/components/ui/confirm-action';
import { voidInvoiceAction } from '@/lib/actions/invoices';

export function VoidInvoiceButton({ invoiceId, number }: { invoiceId: string; number: string }) {
  return (
    <ConfirmAction
      action={voidInvoiceAction}
      fields={{ invoiceId }}
      label="Void"
      accessibleLabel={`Void ${number}`}
      question={`Void invoice ${number}? Its customer will no longer be able to download it.`}
      confirmLabel="Yes, void"
      size="px-3 py-1.5"
    />
  );
}
