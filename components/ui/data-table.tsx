export interface DataTableColumn {
  label: string;
  align?: 'right';
  /** Named for screen readers only (e.g. an actions column). */
  srOnly?: boolean;
  /** What the header shows instead of the label (e.g. a sort link); the label still names the column. */
  header?: React.ReactNode;
  sort?: 'ascending' | 'descending';
}

/**
 * The app's table: a header row from `columns`, rows from `children`. Below the sm breakpoint each
 * row becomes a card of stacked cells, each under its column's name: give every <td> a
 * `data-label` (the column's label; none for an actions cell). `card`: in a white card of its own
 * (otherwise it sits in the caller's section).
 */
export function DataTable({
  columns,
  caption,
  card = false,
  children,
}: {
  columns: DataTableColumn[];
  caption?: string;
  card?: boolean;
  children: React.ReactNode;
}) {
  return (
    // Focusable: a wide table scrolls sideways on a desktop, and the keyboard must be able to scroll it too.
    <div
      tabIndex={0}
      className={`relative focus-visible:outline-2 focus-visible:outline-brand-600 sm:overflow-x-auto ${card ? 'overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200' : ''}`}
    >
      <table className="stacked-table min-w-full divide-y divide-slate-200 text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                aria-sort={column.sort}
                className={`px-4 py-2 whitespace-nowrap ${column.align === 'right' ? 'text-right' : ''}`}
              >
                {column.header ?? (column.srOnly ? <span className="sr-only">{column.label}</span> : column.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
