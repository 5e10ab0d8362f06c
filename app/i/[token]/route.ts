import { followInvoiceLink } from '@/lib/dal/invoice-links';
import { formatDateTime } from '@/lib/format';
import { messagePageResponse } from '@/lib/message-page';
import { contextFromHeaders } from '@/lib/request-context';

// Every answer is per click: never cache one (the 303 carries a signed URL).
export const dynamic = 'force-dynamic';

/**
 * GET /i/{token}: a copied invoice link. 303 to a pre-signed GET that lives seconds while the
 * invoice may be downloaded; 410 once the link expired or the invoice was voided; 404 otherwise.
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
      return messagePageResponse(
        'Invoice voided',
        `Invoice ${link.number} was voided${link.voidedAt ? ` on ${formatDateTime(link.voidedAt, 'UTC')}` : ''} and can no longer be downloaded. Ask the sender for a copy if you need one.`,
        410,
      );
    case 'expired':
      return messagePageResponse(
        'Link expired',
        'This invoice link has expired. Ask the person who sent it for a new link.',
        410,
      );
    case 'not-found':
      return messagePageResponse(
        'Link not found',
        'There is no invoice at this address. Check that you copied the whole link.',
        404,
      );
  }
}
