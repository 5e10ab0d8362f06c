import Link from 'next/link';
import { buttonStyles } from '@/components/ui/button-styles';

/** `link`: the page's one way onward (another page), drawn as a button; `actions` for anything else. */
export function PageHeader({
  title,
  description,
  actions,
  link,
}: {
  title: string;
  description?: string;
  actions?: React.ReactNode;
  link?: { href: string; label: string; primary?: boolean };
}) {
  return (
    <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {actions}
      {link && (
        <Link href={link.href} className={link.primary ? buttonStyles.primary : buttonStyles.secondary}>
          {link.label}
        </Link>
      )}
    </div>
  );
}
