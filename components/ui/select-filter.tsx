import { FilterBar, FilterSelect } from '@/components/ui/filter-bar';

/** A list page's filter with one choice (see FilterBar for several). */
export function SelectFilter({
  className,
  ...select
}: React.ComponentProps<typeof FilterSelect> & { className?: string }) {
  return (
    <FilterBar label={`Filter by ${select.label.toLowerCase()}`} className={className}>
      <FilterSelect {...select} />
    </FilterBar>
  );
}
