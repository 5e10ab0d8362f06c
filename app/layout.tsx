import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { requestTheme } from '@/components/layout/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Guestpass', template: '%s · Guestpass' },
  description: 'Short-lived guest passes to private files.',
  icons: { icon: '/favicon.svg' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so that its scripts carry this request's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en" data-theme={await requestTheme()}>
      <body className="min-h-dvh">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-white px-4 py-2 text-sm font-semibold text-brand-700 shadow ring-2 ring-brand-600 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
