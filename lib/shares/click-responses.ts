import 'server-only';
import type { FileClickOutcome, PreviewOutcome } from '@/lib/dal/share-access';
import { DEAD_LINK_COPY } from '@/lib/shares/link-state';
import { deadLinkStatus } from '@/lib/status-pages';
import { statusResponse } from '@/lib/status-response';

/** No click answer is cached, and storage never learns the partner's link from a Referer. */
const NO_STORE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };

/**
 * A partner's click (download or preview) as the browser follows it: 303 to the freshly signed URL;
 * back to the link's page to unlock; or the page that says why the link no longer opens.
 */
export async function clickRedirect(
  request: Request,
  token: string,
  result: FileClickOutcome | PreviewOutcome,
): Promise<Response> {
  switch (result.outcome) {
    case 'granted':
      return new Response(null, { status: 303, headers: { ...NO_STORE, Location: result.url } });
    case 'locked':
      return new Response(null, { status: 303, headers: { ...NO_STORE, Location: `/s/${encodeURIComponent(token)}` } });
    case 'not-previewable':
      return statusResponse(request, 'preview-unsupported');
    case 'dead':
      return statusResponse(request, deadLinkStatus(result.reason));
    case 'not-found':
      return statusResponse(request, 'link-not-found');
  }
}

/**
 * The same click for the page's own script (Download all): the signed URL, or the reason in words
 * the page shows beside the file it had to leave out.
 */
export function clickJson(result: FileClickOutcome): Response {
  const json = (status: number, body: object) => Response.json(body, { status, headers: NO_STORE });
  switch (result.outcome) {
    case 'granted':
      return json(200, { url: result.url, expiresAt: result.expiresAt.toISOString() });
    case 'locked':
      return json(403, { error: 'Enter the password for these files first.' });
    case 'dead':
      return json(410, { reason: result.reason, error: DEAD_LINK_COPY[result.reason].title });
    case 'not-found':
      return json(404, { error: 'This file is no longer in the share.' });
  }
}

/**
 * A counting POST must come from the link's own page: a form on another site could otherwise use up
 * a partner's downloads. Browsers send Sec-Fetch-Site with every fetch; Origin is the fallback.
 */
export function isSameOriginPost(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = request.headers.get('origin');
  return origin !== null && origin === new URL(request.url).origin;
}
