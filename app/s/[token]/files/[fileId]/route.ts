import { clickShareFile, type FileClickOutcome } from '@/lib/dal/share-access';
import { contextFromHeaders } from '@/lib/request-context';
import { clickJson, clickRedirect, isSameOriginPost } from '@/lib/shares/click-responses';
import { secureCookies } from '@/lib/secure-cookies';
import { unlockCookieName, unlockCookiesFrom } from '@/lib/shares/unlock-cookie';

type Params = { params: Promise<{ token: string; fileId: string }> };

async function click(request: Request, { params }: Params): Promise<{ token: string; result: FileClickOutcome }> {
  const { token, fileId } = await params;
  const result = await clickShareFile(token, fileId, {
    unlockCookies: unlockCookiesFrom(request.headers.get('cookie'), unlockCookieName(secureCookies())),
    context: contextFromHeaders(request.headers),
  });
  return { token, result };
}

/**
 * A partner's click on a shared file: 303 to a pre-signed GET that lives seconds, after every check
 * against the link's current state. Unknown token or file: 404; revoked, expired or used up: 410
 * with a page (in the app's layout) that says which; password not yet typed: back to the link's page to unlock.
 */
export async function GET(request: Request, context: Params): Promise<Response> {
  const { token, result } = await click(request, context);
  return clickRedirect(request, token, result);
}

/**
 * The same click from the page's Download all: the signed URL as JSON, which the browser fetches
 * from storage itself (so no file byte passes through this server). Counted exactly like a click.
 */
export async function POST(request: Request, context: Params): Promise<Response> {
  if (!isSameOriginPost(request))
    return Response.json({ error: 'Download from the link’s own page.' }, { status: 403 });
  const { result } = await click(request, context);
  return clickJson(result);
}
