import { followInvoiceLink } from '@/lib/dal/invoice-links';
import { contextFromHeaders } from '@/lib/request-context';
import { statusResponse } from '@/lib/status-response';

// Every answer is per click: never cache one (the 303 carries a signed URL).
export const dynamic = 'force-dynamic';

/**
 * GET /i/{token}: a copied invoice link. 303 to a pre-signed GET that lives seconds while the
 * invoice may be downloaded; 410 once the link expired or the invoice was voided; 404 otherwise
 * (each a page in the app's layout).
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await followInvoiceLink(token, contextFromHeaders(request.headers));
  switch (link.outcome) {
    case 'granted':
      return new Response(null, {
        status: 303,
        headers: { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', Location: link.url },
      });
    case 'voided':
      return statusResponse(request, 'invoice-link-voided');
    case 'expired':
      return statusResponse(request, 'invoice-link-expired');
    case 'not-found':
      return statusResponse(request, 'invoice-link-not-found');
  }
}
