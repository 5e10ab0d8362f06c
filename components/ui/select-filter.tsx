import { FilterBar, FilterSelect } from '@/components/ui/filter-bar';

/** A list page's filter with one choice (see FilterBar for several). */
export function SelectFilter({
  className,
  ...select
}: React.ComponentProps<typeof FilterSelect> & { className?: string }) {
  return (
    // Unnamed: its one field's label already says what it filters.
    <FilterBar className={className}>
      <FilterSelect {...select} />
    </FilterBar>
  );
}
