import { issueInvoiceDownload } from '@/lib/dal/invoices';
import { contextFromHeaders } from '@/lib/request-context';
import { statusResponse } from '@/lib/status-response';

// Every answer is per person and per moment: never cache one (the 303 carries a signed URL).
export const dynamic = 'force-dynamic';
const NO_STORE = { 'Cache-Control': 'no-store, private' };

/**
 * GET /invoices/{id}/download: 303 to a short-lived pre-signed GET for the signed-in customer's own
 * invoice (or any, for admins); 410 for a voided one; 404 for everything else (anonymous visitors,
 * other customers' invoices, unknown and malformed ids alike).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const link = await issueInvoiceDownload(id, contextFromHeaders(request.headers));
  if (link.outcome === 'granted')
    return new Response(null, { status: 303, headers: { ...NO_STORE, Location: link.url } });
  return statusResponse(request, link.outcome === 'voided' ? 'invoice-voided' : 'invoice-not-found');
}
