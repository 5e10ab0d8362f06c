import Link from 'next/link';
import { buttonStyles } from '@/components/ui/button-styles';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold text-slate-900">Page not found</h1>
      <p className="mt-3 text-slate-600">There is nothing at this address, or you do not have access to it.</p>
      <Link href="/" className={`${buttonStyles.primary} mt-6`}>
        Go home
      </Link>
    </main>
  );
}
