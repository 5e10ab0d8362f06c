import Link from 'next/link';
import { buttonStyles } from '@/components/ui/button-styles';
import { inputStyles } from '@/components/ui/field';

/**
 * A list page's filters: fields sent as GET parameters, so every filtered view has its own URL
 * (bookmarkable, and the CSV export can take the same query). `clearHref` shows a way back to all.
 */
export function FilterBar({
  label,
  clearHref,
  children,
  className = '',
}: {
  /** Names the form for screen readers ("Filter the audit log") where it has several fields. */
  label?: string;
  clearHref?: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <form method="get" aria-label={label} className={`flex flex-wrap items-end gap-3 ${className}`}>
      {children}
      <div className="flex gap-2">
        <button type="submit" className={buttonStyles.secondary}>
          Filter
        </button>
        {clearHref && (
          <Link href={clearHref} className={buttonStyles.secondary}>
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}

export function FilterSelect({
  name,
  label,
  value,
  everything,
  options,
}: {
  name: string;
  label: string;
  value: string;
  /** The first option, which filters nothing: "All customers". */
  everything: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="w-full text-sm font-medium text-slate-800 sm:w-auto">
      {label}
      <select name={name} defaultValue={value} className={`${inputStyles} sm:w-44`}>
        <option value="">{everything}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterInput({
  name,
  label,
  value,
  type = 'search',
  placeholder,
}: {
  name: string;
  label: string;
  value: string;
  type?: 'search' | 'date';
  placeholder?: string;
}) {
  return (
    // Two dates share a row on phones (a range reads as one thing); text takes the whole row.
    <label
      className={`text-sm font-medium text-slate-800 sm:w-auto ${type === 'date' ? 'w-[calc(50%-0.375rem)]' : 'w-full'}`}
    >
      {label}
      <input
        type={type}
        name={name}
        defaultValue={value}
        placeholder={placeholder}
        className={`${inputStyles} ${type === 'date' ? 'sm:w-36' : 'sm:w-56'}`}
      />
    </label>
  );
}
