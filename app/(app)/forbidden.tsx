import { StatusNotice } from '@/components/ui/status-notice';
import { STATUS_PAGES } from '@/lib/status-pages';

/** forbidden() from an admin page: a 403 inside the signed-in layout. */
export default function Forbidden() {
  const { title, body, back } = STATUS_PAGES['admins-only'];
  return (
    <StatusNotice title={title} back={back}>
      <p>{body}</p>
    </StatusNotice>
  );
}
