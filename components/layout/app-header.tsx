import { ROLE_LABELS } from '@/lib/accounts/labels';
import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { NavLinks, type NavItem } from '@/components/layout/nav-links';
import { Avatar } from '@/components/ui/avatar';
import { Logo } from '@/components/ui/logo';
import { ThemeSwitch } from '@/components/layout/theme-switch';
import type { SessionUser } from '@/lib/dal/session';

export function AppHeader({ user, avatarUrl }: { user: SessionUser; avatarUrl?: string | null }) {
  const items: NavItem[] = [
    { href: '/profile', label: 'Profile' },
    { href: '/invoices', label: 'Invoices' },
    ...(user.role === 'ADMIN' ? [{ href: '/admin', label: 'Admin' }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" aria-label="Guestpass home" className="flex items-center gap-2 text-lg font-bold text-slate-900">
          <Logo />
          <span className="hidden sm:inline">Guestpass</span>
        </Link>
        <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
          <NavLinks items={items} />
        </div>
        <div className="ml-auto flex items-center gap-3 sm:ml-0">
          <ThemeSwitch />
          <Avatar name={user.name} src={avatarUrl} />
          <div className="hidden text-right leading-tight sm:block">
            <p className="text-sm font-medium text-slate-900">{user.name}</p>
            <p className="text-xs text-slate-500">{ROLE_LABELS[user.role]}</p>
          </div>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
