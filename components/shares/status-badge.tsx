import type { LinkState } from '@/lib/shares/link-state';
import type { ShareStatus } from '@/lib/shares/link-state';

const tones = {
  green: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  grey: 'bg-slate-100 text-slate-700 ring-slate-200',
  red: 'bg-red-50 text-red-800 ring-red-200',
  amber: 'bg-amber-50 text-amber-900 ring-amber-200',
} as const;

function Badge({ tone, children }: { tone: keyof typeof tones; children: React.ReactNode }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>
      {children}
    </span>
  );
}

export function ShareStatusBadge({ status }: { status: ShareStatus }) {
  if (status === 'active') return <Badge tone="green">Active</Badge>;
  if (status === 'expired') return <Badge tone="grey">Expired</Badge>;
  return <Badge tone="red">Revoked</Badge>;
}

export function LinkStateBadge({ state }: { state: LinkState }) {
  if (state.live) return <Badge tone="green">Active</Badge>;
  if (state.reason === 'revoked') return <Badge tone="red">Revoked</Badge>;
  if (state.reason === 'expired') return <Badge tone="grey">Expired</Badge>;
  return <Badge tone="amber">Limit reached</Badge>;
}
