import Link from 'next/link';
import { buttonStyles } from '@/components/ui/button-styles';

/** Every error and refusal page: what happened, what to do, and the way back when there is one. */
export function StatusNotice({
  title,
  children,
  back,
  actions,
}: {
  title: string;
  children: React.ReactNode;
  back?: { href: string; label: string };
  actions?: React.ReactNode;
}) {
  return (
    <div className="mx-auto max-w-lg rounded-xl bg-white px-6 py-10 text-center shadow-sm ring-1 ring-slate-200 sm:px-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
      <div className="mt-3 text-slate-600">{children}</div>
      {(back || actions) && (
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          {actions}
          {back && (
            <Link href={back.href} className={actions ? buttonStyles.secondary : buttonStyles.primary}>
              {back.label}
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
