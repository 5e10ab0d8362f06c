import { issueInvoiceDownload } from '@/lib/dal/invoices';
import { contextFromHeaders } from '@/lib/request-context';

// Every answer is per person and per moment: never cache one (the 303 carries a signed URL).
export const dynamic = 'force-dynamic';
const NO_STORE = { 'Cache-Control': 'no-store, private' };

function page(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Guestpass</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;text-align:center;color:#0f172a"><h1>${title}</h1><p style="color:#475569">${text}</p><p><a href="/invoices">Back to your invoices</a></p></body></html>`;
}

// One body for anonymous visitors, other customers' invoices, unknown and malformed ids alike.
const NOT_FOUND = page('Invoice not found', 'There is no invoice at this address, or you do not have access to it.');

/**
 * GET /invoices/{id}/download: 303 to a short-lived pre-signed GET for the signed-in customer's own
 * invoice (or any, for admins); 410 for a voided one; 404 for everything else.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const link = await issueInvoiceDownload(id, contextFromHeaders(request.headers));
  if (link.outcome === 'granted')
    return new Response(null, { status: 303, headers: { ...NO_STORE, Location: link.url } });
  const headers = { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8' };
  if (link.outcome === 'voided') {
    const when = link.voidedAt ? ` on ${link.voidedAt.toISOString().slice(0, 10)}` : '';
    return new Response(
      page(
        'Invoice voided',
        `Invoice ${link.number} was voided${when} and can no longer be downloaded. Contact us if you need a copy.`,
      ),
      { status: 410, headers },
    );
  }
  return new Response(NOT_FOUND, { status: 404, headers });
}
