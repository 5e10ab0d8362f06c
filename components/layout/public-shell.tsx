import Link from 'next/link';
import { ThemeSwitch } from '@/components/layout/theme-switch';
import { Logo } from '@/components/ui/logo';
import { env } from '@/lib/env';

/**
 * The frame of pages outside the signed-in area (sign-in, partner links, error pages): the mark with
 * the organisation's name (APP_NAME), the theme switch and a centred column. `home`: whether the mark links to the app's home page
 * (partners have no account, so their pages do not).
 */
export function PublicShell({
  children,
  home = true,
  width = 'max-w-2xl',
}: {
  children: React.ReactNode;
  home?: boolean;
  width?: string;
}) {
  const mark = (
    <>
      <Logo className="size-6" /> {env.APP_NAME}
    </>
  );
  return (
    <>
      <header className={`mx-auto flex items-center justify-between gap-4 px-4 pt-6 ${width}`}>
        {home ? (
          <Link href="/" className="flex items-center gap-2 text-sm font-semibold text-slate-700">
            {mark}
          </Link>
        ) : (
          <p className="flex items-center gap-2 text-sm font-semibold text-slate-700">{mark}</p>
        )}
        <ThemeSwitch />
      </header>
      <main id="main" className={`mx-auto px-4 py-8 sm:py-12 ${width}`}>
        {children}
      </main>
    </>
  );
}
