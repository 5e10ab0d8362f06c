const tones = {
  pass: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  warn: 'bg-amber-50 text-amber-900 ring-amber-200',
  fail: 'bg-red-50 text-red-800 ring-red-200',
  neutral: 'bg-slate-50 text-slate-700 ring-slate-200',
} as const;

/** A status word in a coloured pill: the word itself carries the meaning, not only the colour. */
export function StatusBadge({ tone, children }: { tone: keyof typeof tones; children: React.ReactNode }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}
