'use client';

import { ErrorDetails } from '@/components/ui/error-details';

/** A failing signed-in page: the message appears inside the app's header and navigation. */
export default function AppErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorDetails {...props} />;
}
