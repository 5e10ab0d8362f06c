'use client';

import { buttonStyles } from '@/components/ui/button-styles';
import { StatusNotice } from '@/components/ui/status-notice';

/** The crash page's message (error.tsx files): nothing changed, try again, a reference to quote. */
export function ErrorDetails({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusNotice
      title="Something went wrong"
      back={{ href: '/', label: 'Go home' }}
      actions={
        <button type="button" onClick={reset} className={buttonStyles.primary}>
          Try again
        </button>
      }
    >
      <p>
        The page could not be loaded. Nothing was changed. Try again; if it keeps failing, tell your administrator
        {error.digest ? (
          <>
            {' '}
            and quote reference <code className="rounded bg-slate-100 px-1">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
    </StatusNotice>
  );
}
