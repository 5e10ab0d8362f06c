import { buttonStyles } from '@/components/ui/button-styles';

const selectStyles =
  'mt-1 block w-full rounded-md border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:ring-inset sm:w-72';

/** A list page's filter: one choice, sent as a GET parameter (so the filtered page has its own URL). */
export function SelectFilter({
  name,
  label,
  value,
  everything,
  options,
  className = '',
}: {
  name: string;
  label: string;
  value: string;
  /** The first option, which filters nothing: "All customers". */
  everything: string;
  options: { value: string; label: string }[];
  className?: string;
}) {
  return (
    <form method="get" className={`flex flex-wrap items-end gap-2 ${className}`}>
      <label className="text-sm font-medium text-slate-800">
        {label}
        <select name={name} defaultValue={value} className={selectStyles}>
          <option value="">{everything}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonStyles.secondary}>
        Filter
      </button>
    </form>
  );
}
