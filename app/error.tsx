'use client';

import { ErrorDetails } from '@/components/ui/error-details';
import { Logo } from '@/components/ui/logo';

/** Failures outside the signed-in area (sign-in, partner links) and in its layout itself. */
export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <header className="mx-auto flex max-w-2xl items-center gap-2 px-4 pt-6 text-sm font-semibold text-slate-700">
        <Logo className="size-6" /> Guestpass
      </header>
      <main id="main" className="mx-auto max-w-2xl px-4 py-8 sm:py-12">
        <ErrorDetails {...props} />
      </main>
    </>
  );
}
