'use client';

import { useActionState } from 'react';
import { addShareRecipientsAction } from '@/lib/actions/shares';
import { idle, type ActionState } from '@/lib/action-state';
import type { IssuedLink } from '@/lib/dal/shares';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { IssuedLinks } from '@/components/shares/issued-links';
import { RecipientRows } from '@/components/shares/recipient-rows';

export function AddRecipientsForm({ shareId }: { shareId: string }) {
  const [state, formAction, pending] = useActionState<ActionState<IssuedLink[]>, FormData>(
    addShareRecipientsAction,
    idle,
  );
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  return (
    <div className="space-y-4">
      {state.status === 'success' && state.data && <IssuedLinks links={state.data} />}
      <form action={formAction} className="space-y-4" noValidate>
        {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
        <input type="hidden" name="shareId" value={shareId} />
        <RecipientRows
          key={state.status === 'success' ? state.data?.[0]?.recipientId : 'form'}
          error={errors.recipients}
        />
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? 'Adding…' : 'Add recipients'}
        </button>
      </form>
    </div>
  );
}
