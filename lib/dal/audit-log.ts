import 'server-only';
import { z } from 'zod';
import { AUDIT_ACTIONS } from '@/lib/audit-vocabulary';
import { db } from '@/lib/db';
import { keysetArgs, type KeysetCursors, type KeysetQuery } from '@/lib/dal/keyset';
import { requireAdmin } from '@/lib/dal/session';
import { Prisma } from '@/lib/generated/prisma/client';

// Reading the log is for admins; writing it (lib/dal/audit.ts) stays free of session imports so
// that CLI tasks outside Next can record what they do.
export const AUDIT_PAGE_SIZE = 25;

/** The actor filter's value for rows without an account: partners, signed-out visitors, background tasks. */
export const NO_ACCOUNT = 'none';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));

/**
 * What an admin can narrow the log to, from the page's query string (also the CSV export's): one
 * actor, one action, a range of days (UTC, both ends included) and free text. A malformed value is
 * dropped rather than refused: a hand-edited URL still shows the log.
 */
export const auditFiltersSchema = z.object({
  actor: z.string().trim().max(64).optional().catch(undefined),
  action: z.string().trim().max(64).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const single = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) || undefined]),
  );
  return auditFiltersSchema.parse(single);
}

/** `%text%` for ILIKE, with the pattern characters in the text matched literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A keyset cursor: the id of the row a page starts after (older rows) or ends before (newer rows). */
type Cursor = Pick<KeysetQuery, 'after' | 'before'>;

/**
 * The one WHERE clause of the list and the export. Free text looks at the actor's name and email,
 * the action (its code and its label), the subject id, IP, user agent and the detail's JSON.
 */
function whereClause(filters: AuditFilters, cursor: Cursor = {}): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  // Keyset: the rows on the far side of the cursor row in (createdAt, id) order, read from the index.
  const at = (id: string) => Prisma.sql`(SELECT c."createdAt", c."id" FROM "AuditEvent" AS c WHERE c."id" = ${id})`;
  if (cursor.before) conditions.push(Prisma.sql`(e."createdAt", e."id") > ${at(cursor.before)}`);
  else if (cursor.after) conditions.push(Prisma.sql`(e."createdAt", e."id") < ${at(cursor.after)}`);
  if (filters.actor === NO_ACCOUNT) conditions.push(Prisma.sql`e."actorId" IS NULL`);
  else if (filters.actor) conditions.push(Prisma.sql`e."actorId" = ${filters.actor}`);
  if (filters.action) conditions.push(Prisma.sql`e."action" = ${filters.action}`);
  if (filters.from) conditions.push(Prisma.sql`e."createdAt" >= ${new Date(`${filters.from}T00:00:00Z`)}`);
  if (filters.to)
    conditions.push(Prisma.sql`e."createdAt" < ${new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000)}`);
  if (filters.q) {
    const pattern = containing(filters.q);
    const needle = filters.q.toLowerCase();
    const labelled = Object.entries(AUDIT_ACTIONS)
      .filter(([, { label }]) => label.toLowerCase().includes(needle))
      .map(([code]) => code);
    conditions.push(Prisma.sql`(
      u."name" ILIKE ${pattern} OR u."email" ILIKE ${pattern} OR e."action" ILIKE ${pattern}
      OR e."action" = ANY(${labelled}::text[]) OR e."subjectId" ILIKE ${pattern} OR e."ip" ILIKE ${pattern}
      OR e."userAgent" ILIKE ${pattern} OR e."detail"::text ILIKE ${pattern})`);
  }
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
}

export interface AuditEventRow {
  id: string;
  createdAt: Date;
  actor: { id: string; name: string; email: string } | null;
  action: string;
  outcome: string;
  subjectType: string;
  subjectId: string | null;
  urlExpiresAt: Date | null;
  ip: string | null;
  userAgent: string | null;
  detail: Prisma.JsonValue | null;
}

interface RawRow extends Omit<AuditEventRow, 'actor'> {
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
}

/**
 * Up to `limit` events next to the cursor, newest first. Before a cursor the index is walked the
 * other way (oldest first) and the rows turned round, as Prisma does for a negative `take`.
 */
async function selectEvents(filters: AuditFilters, limit: number, cursor: Cursor = {}): Promise<AuditEventRow[]> {
  const order = cursor.before ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT e."id", e."createdAt", e."action", e."outcome", e."subjectType", e."subjectId", e."urlExpiresAt",
           e."ip", e."userAgent", e."detail", e."actorId", u."name" AS "actorName", u."email" AS "actorEmail"
    FROM "AuditEvent" AS e LEFT JOIN "User" AS u ON u."id" = e."actorId"
    ${whereClause(filters, cursor)}
    ORDER BY e."createdAt" ${order}, e."id" ${order}
    LIMIT ${limit}`;
  if (cursor.before) rows.reverse();
  return rows.map(({ actorId, actorName, actorEmail, ...row }) => ({
    ...row,
    actor: actorId ? { id: actorId, name: actorName ?? '', email: actorEmail ?? '' } : null,
  }));
}

export interface AuditPage extends KeysetCursors {
  events: AuditEventRow[];
  /** The accounts that appear in the log, for the actor filter. */
  actors: { id: string; name: string; email: string }[];
}

/** For admins: one page of the log, newest first, AUDIT_PAGE_SIZE events from a keyset cursor, narrowed by `filters`. */
export async function listAuditEvents(options: AuditFilters & KeysetQuery = {}): Promise<AuditPage> {
  await requireAdmin();
  const keyset = keysetArgs(options, AUDIT_PAGE_SIZE);
  const [rows, actors] = await Promise.all([
    // keysetArgs reads one row more than a page (its `take`), to learn whether another page follows.
    selectEvents(options, Math.abs(keyset.find.take), options),
    db.user.findMany({
      where: { auditEvents: { some: {} } },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, email: true },
    }),
  ]);
  const { rows: events, ...cursors } = keyset.page(rows);
  return { events, ...cursors, actors };
}

const EXPORT_BATCH = 500;

/**
 * For admins: every event the filters match, newest first, in batches, for a streamed export. The
 * admin check runs when the export starts; each batch is one bounded query from the last row's
 * cursor, so rows that arrive meanwhile are neither repeated nor skipped past.
 */
export async function exportAuditEvents(filters: AuditFilters): Promise<AsyncGenerator<AuditEventRow[]>> {
  await requireAdmin();
  return (async function* batches() {
    let after: string | undefined;
    for (;;) {
      const batch = await selectEvents(filters, EXPORT_BATCH, { after });
      if (batch.length) yield batch;
      if (batch.length < EXPORT_BATCH) return;
      after = batch.at(-1)!.id;
    }
  })();
}
