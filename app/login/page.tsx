import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { Logo } from '@/components/ui/logo';
import { currentUser } from '@/lib/dal/session';
import { env } from '@/lib/env';
import { safeReturnPath } from '@/lib/return-path';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: unknown }> }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl, env.APP_URL);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <Logo className="mx-auto size-12" />
          <h1 className="mt-4 text-2xl font-bold tracking-tight text-slate-900">Sign in to Guestpass</h1>
          <p className="mt-2 text-sm text-slate-600">Private files, shared through short-lived links.</p>
        </div>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <LoginForm callbackUrl={callbackUrl} />
        </div>
      </div>
    </main>
  );
}
