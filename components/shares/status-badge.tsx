import { Badge } from '@/components/ui/badge';
import type { LinkState } from '@/lib/shares/link-state';
import type { ShareStatus } from '@/lib/shares/link-state';

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
