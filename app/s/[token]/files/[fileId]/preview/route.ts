import { previewShareFile } from '@/lib/dal/share-access';
import { contextFromHeaders } from '@/lib/request-context';
import { clickRedirect } from '@/lib/shares/click-responses';
import { secureCookies } from '@/lib/secure-cookies';
import { unlockCookieName, unlockCookiesFrom } from '@/lib/shares/unlock-cookie';

/**
 * A partner's preview of a shared image or PDF: 303 to a pre-signed GET of at most a minute that
 * storage answers inline, with the file's stored Content-Type. Counted as a preview, never as a
 * download; every rule of a download click (revocation, expiry, password) applies.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ token: string; fileId: string }> },
): Promise<Response> {
  const { token, fileId } = await params;
  const result = await previewShareFile(token, fileId, {
    unlockCookies: unlockCookiesFrom(request.headers.get('cookie'), unlockCookieName(secureCookies())),
    context: contextFromHeaders(request.headers),
  });
  return clickRedirect(request, token, result);
}
