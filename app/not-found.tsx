import { PageNotFound } from '@/components/layout/page-not-found';
import { PublicShell } from '@/components/layout/public-shell';

/** Addresses no route matches (signed-in pages use app/(app)/not-found.tsx, inside their layout). */
export default function NotFound() {
  return (
    <PublicShell>
      <PageNotFound />
    </PublicShell>
  );
}
