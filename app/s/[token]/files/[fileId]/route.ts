import { clickShareFile } from '@/lib/dal/share-access';
import { contextFromHeaders } from '@/lib/request-context';
import { secureCookies } from '@/lib/secure-cookies';
import { deadLinkStatus } from '@/lib/status-pages';
import { statusResponse } from '@/lib/status-response';
import { unlockCookieName, unlockCookiesFrom } from '@/lib/shares/unlock-cookie';

/**
 * A partner's click on a shared file: 303 to a pre-signed GET that lives seconds, after every check
 * against the link's current state. Unknown token or file: 404; revoked, expired or used up: 410
 * with a page (in the app's layout) that says which; password not yet typed: back to the link's page to unlock.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ token: string; fileId: string }> },
): Promise<Response> {
  const { token, fileId } = await params;
  const result = await clickShareFile(token, fileId, {
    unlockCookies: unlockCookiesFrom(request.headers.get('cookie'), unlockCookieName(secureCookies())),
    context: contextFromHeaders(request.headers),
  });
  const noStore = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
  switch (result.outcome) {
    case 'granted':
      return new Response(null, { status: 303, headers: { ...noStore, Location: result.url } });
    case 'locked':
      return new Response(null, { status: 303, headers: { ...noStore, Location: `/s/${encodeURIComponent(token)}` } });
    case 'dead':
      return statusResponse(request, deadLinkStatus(result.reason));
    case 'not-found':
      return statusResponse(request, 'link-not-found');
  }
}
