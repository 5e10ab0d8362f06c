/** A white card with a heading bar, for one section of a page; the heading names the section for screen readers. */
export function Panel({
  id,
  title,
  className = '',
  children,
}: {
  id: string;
  title: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200 ${className}`}
    >
      <h2 id={id} className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
