import Link from 'next/link';
import { PublicShell } from '@/components/layout/public-shell';
import { Logo } from '@/components/ui/logo';

/** The signed-out pages (sign in, forgot password, the pages one-time links open): one centred card. */
export function AccountPage({
  title,
  description,
  children,
}: {
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <PublicShell home={false} width="max-w-sm">
      <div className="mb-8 text-center">
        <Logo className="mx-auto size-12" />
        <h1 className="mt-4 text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        {description && <p className="mt-2 text-sm text-slate-600">{description}</p>}
      </div>
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">{children}</div>
    </PublicShell>
  );
}

/** A quiet link under a signed-out page's form ("Forgot password?", "Back to sign in"). */
export function AccountPageLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p className="text-center text-sm">
      <Link href={href} className="font-medium text-brand-700 hover:underline">
        {children}
      </Link>
    </p>
  );
}
