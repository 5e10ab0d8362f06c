import { StatusNotice } from '@/components/ui/status-notice';

export function PageNotFound() {
  return (
    <StatusNotice title="Page not found" back={{ href: '/', label: 'Go home' }}>
      <p>There is nothing at this address, or you do not have access to it.</p>
    </StatusNotice>
  );
}
