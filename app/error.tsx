'use client';

import Link from 'next/link';
import { buttonStyles } from '@/components/ui/button-styles';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold text-slate-900">Something went wrong</h1>
      <p className="mt-3 text-slate-600">
        The page could not be loaded. Nothing was changed. Try again; if it keeps failing, tell your administrator
        {error.digest ? (
          <>
            {' '}
            and quote reference <code className="rounded bg-slate-100 px-1">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className={buttonStyles.primary}>
          Try again
        </button>
        <Link href="/" className={buttonStyles.secondary}>
          Go home
        </Link>
      </div>
    </main>
  );
}
