export interface DataTableColumn {
  label: string;
  align?: 'right';
  /** Named for screen readers only (e.g. an actions column). */
  srOnly?: boolean;
}

/**
 * The app's table: a header row from `columns`, rows from `children`, scrolling sideways on narrow
 * screens instead of overflowing the page.
 */
export function DataTable({
  columns,
  caption,
  children,
}: {
  columns: DataTableColumn[];
  caption?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={`px-4 py-2 whitespace-nowrap ${column.align === 'right' ? 'text-right' : ''}`}
              >
                {column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
