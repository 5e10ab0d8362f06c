/**
 * Keyset paging (the file library, the user list): ORDER BY (column, id) from a cursor row, so the
 * database walks an index from the cursor instead of counting past an OFFSET. One more row than a
 * page is read, to learn whether another page follows.
 */
export interface KeysetQuery {
  /** The id of the last row of the previous page, or of the first row of the next one. */
  after?: string;
  before?: string;
  pageSize?: number;
}

export interface KeysetCursors {
  /** Cursors for the neighbouring pages; null at either end. */
  nextAfter: string | null;
  previousBefore: string | null;
}

/** One page of rows and the cursors of its neighbours. */
export type KeysetPage<Row> = { rows: Row[] } & KeysetCursors;

/** Prisma findMany arguments for the page, and how to read the rows back. */
export function keysetArgs(query: KeysetQuery, defaultPageSize = 50) {
  const pageSize = Math.min(Math.max(query.pageSize ?? defaultPageSize, 1), 200);
  const cursorId = query.before ?? query.after;
  const backwards = Boolean(query.before);
  return {
    find: {
      take: backwards ? -(pageSize + 1) : pageSize + 1,
      ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}),
    },
    page<Row extends { id: string }>(rows: Row[]): KeysetPage<Row> {
      const more = rows.length > pageSize;
      const page = backwards ? rows.slice(more ? 1 : 0) : rows.slice(0, pageSize);
      const hasNext = backwards ? true : more;
      const hasPrevious = backwards ? more : Boolean(cursorId);
      return {
        rows: page,
        nextAfter: hasNext && page.length ? page.at(-1)!.id : null,
        previousBefore: hasPrevious && page.length ? page[0].id : null,
      };
    },
  };
}

/** Cursors from a query string: ids only; anything else starts at the first page. */
export function pageQuery(params: { after?: string | string[]; before?: string | string[] }): KeysetQuery {
  const valid = (v?: string | string[]) => (typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : undefined);
  return { after: valid(params.after), before: valid(params.before) };
}

/** How far a list counts its rows for its heading: a keyset page needs no total, and a count stops here. */
export const COUNT_CAP = 1000;

/** A row count that stopped at COUNT_CAP: `more` when rows beyond it exist. */
export interface CappedCount {
  count: number;
  more: boolean;
}

/** Runs a Prisma count with a LIMIT one past the cap, so it never walks a whole table. */
export async function countCapped(count: (args: { take: number }) => Promise<number>): Promise<CappedCount> {
  const counted = await count({ take: COUNT_CAP + 1 });
  return counted > COUNT_CAP ? { count: COUNT_CAP, more: true } : { count: counted, more: false };
}

/** "42", or "1,000+" past the cap. */
export function formatCappedCount({ count, more }: CappedCount): string {
  return `${count.toLocaleString('en-GB')}${more ? '+' : ''}`;
}
