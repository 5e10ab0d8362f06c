'use client';

import { useState } from 'react';
import { THEME_COOKIE, type Theme } from '@/lib/theme';

const CHOICES: { value: Theme; label: string; icon: React.ReactNode }[] = [
  {
    value: 'system',
    label: 'System theme',
    icon: <path d="M4 5h16v11H4zM9 20h6M12 16v4" />,
  },
  {
    value: 'light',
    label: 'Light theme',
    icon: (
      <>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </>
    ),
  },
  { value: 'dark', label: 'Dark theme', icon: <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" /> },
];

/** Shows `theme` at once and remembers it (no cookie: follow the system). */
function applyTheme(theme: Theme) {
  document.documentElement.dataset.theme = theme;
  document.cookie =
    theme === 'system'
      ? `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`
      : `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
}

/**
 * Light, dark or the system's choice. Applied at once on <html> and remembered for a year in a
 * cookie that the root layout reads, so the next page load starts in the chosen theme.
 */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);
  const choose = (value: Theme) => {
    setTheme(value);
    applyTheme(value);
  };
  return (
    <div role="group" aria-label="Theme" className="flex rounded-md p-0.5 ring-1 ring-slate-200">
      {CHOICES.map((choice) => (
        <button
          key={choice.value}
          type="button"
          aria-label={choice.label}
          aria-pressed={theme === choice.value}
          title={choice.label}
          onClick={() => choose(choice.value)}
          className="rounded p-1.5 text-slate-500 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 aria-pressed:bg-slate-100 aria-pressed:text-slate-900"
        >
          <svg
            viewBox="0 0 24 24"
            aria-hidden="true"
            className="size-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            {choice.icon}
          </svg>
        </button>
      ))}
    </div>
  );
}
