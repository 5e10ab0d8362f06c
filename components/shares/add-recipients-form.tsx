'use client';

import { addShareRecipientsAction } from '@/lib/actions/shares';
import { addRecipientsForm } from '@/lib/shares/input';
import { FormMessage, SubmitButton, useFormAction } from '@/components/ui/form';
import { IssuedLinks } from '@/components/shares/issued-links';
import { RecipientRows } from '@/components/shares/recipient-rows';

export function AddRecipientsForm({ shareId }: { shareId: string }) {
  const form = useFormAction(addShareRecipientsAction, addRecipientsForm);
  const { state } = form;
  return (
    <div className="space-y-4">
      {state.status === 'success' && state.data && <IssuedLinks shareId={shareId} links={state.data} />}
      <form {...form.props} className="space-y-4">
        <FormMessage state={state} />
        <input type="hidden" name="shareId" value={shareId} />
        {/* New rows after each success: the links above are for the people just added. */}
        <RecipientRows key={state.status === 'success' ? state.data?.[0]?.recipientId : 'form'} errors={form.errors} />
        <SubmitButton pending={form.pending} pendingLabel="Adding…">
          Add recipients
        </SubmitButton>
      </form>
    </div>
  );
}
