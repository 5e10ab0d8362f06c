import type { DiffLine } from '@/lib/storage/security/diff';

const LINE = { ' ': 'text-slate-600', '-': 'bg-red-50 text-red-800', '+': 'bg-emerald-50 text-emerald-800' } as const;

export function DiffView({ lines, label }: { lines: DiffLine[]; label: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="mt-2 max-h-80 overflow-auto rounded-md bg-slate-50 p-2 text-xs leading-5 ring-1 ring-slate-200"
    >
      {lines.map((line, i) => (
        <div key={i} className={LINE[line.op]}>
          {line.op} {line.text}
        </div>
      ))}
    </pre>
  );
}
