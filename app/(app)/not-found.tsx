import { PageNotFound } from '@/components/layout/page-not-found';

/** notFound() from a signed-in page: the 404 inside the app's header and navigation. */
export default function AppNotFound() {
  return <PageNotFound />;
}
