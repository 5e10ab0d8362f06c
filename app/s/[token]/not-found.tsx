import { PublicShell } from '@/components/layout/public-shell';
import { DeadLinkNotice } from '@/components/shares/dead-link-notice';

export default function ShareLinkNotFound() {
  return (
    <PublicShell home={false}>
      <DeadLinkNotice kind="notFound" />
    </PublicShell>
  );
}
