import { auditActionLabel, auditOutcomeLabel, auditSubjectLabel } from '@/lib/audit-vocabulary';
import { csvRow } from '@/lib/csv';
import { exportAuditEvents, parseAuditFilters, type AuditEventRow } from '@/lib/dal/audit-log';

const HEADER = [
  'Time (UTC)',
  'Actor',
  'Actor email',
  'Action',
  'Action code',
  'Outcome',
  'Subject',
  'Subject id',
  'Link expires (UTC)',
  'IP',
  'User agent',
  'Detail',
];

function row(event: AuditEventRow): string {
  return csvRow([
    event.createdAt,
    event.actor?.name,
    event.actor?.email,
    auditActionLabel(event.action),
    event.action,
    auditOutcomeLabel(event.outcome),
    auditSubjectLabel(event.subjectType),
    event.subjectId,
    event.urlExpiresAt,
    event.ip,
    event.userAgent,
    event.detail === null ? null : JSON.stringify(event.detail),
  ]);
}

/**
 * GET /admin/audit/export?<the page's filters>: the matching events as CSV, streamed batch by batch
 * (a long log never sits in memory whole). Admins only: the DAL checks before the first byte.
 */
export async function GET(request: Request): Promise<Response> {
  const filters = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  const batches = await exportAuditEvents(filters);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark: spreadsheet programs then read the file as UTF-8.
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(HEADER)}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(row).join('')));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
