import Link from 'next/link';
import { buttonStyles } from '@/components/ui/button-styles';

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold text-slate-900">Admins only</h1>
      <p className="mt-3 text-slate-600">This page needs an admin account. Ask an administrator if you need access.</p>
      <Link href="/" className={`${buttonStyles.primary} mt-6`}>
        Go home
      </Link>
    </main>
  );
}
