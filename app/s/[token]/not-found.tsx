import { Logo } from '@/components/ui/logo';
import { DeadLinkNotice } from '@/components/shares/dead-link-notice';

export default function ShareLinkNotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-10 sm:py-16">
      <div className="mb-6 flex items-center gap-2 text-sm font-semibold text-slate-700">
        <Logo className="size-6" /> Guestpass
      </div>
      <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
        <DeadLinkNotice kind="notFound" />
      </div>
    </main>
  );
}
