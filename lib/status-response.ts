import 'server-only';
import { messagePageHtml } from '@/lib/message-page';
import { STATUS_PAGES, type StatusKind } from '@/lib/status-pages';
import { THEME_COOKIE } from '@/lib/theme';

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

/** The nonce a Content-Security-Policy allows scripts by (proxy.ts gives each request its own). */
function nonceOf(policy: string | null): string | undefined {
  return policy ? NONCE.exec(policy)?.[1] : undefined;
}

/**
 * A route handler's refusal as a page in the app's layout, under the right status. Next cannot
 * give a page a 410 (and a route handler cannot render a layout), so the handler fetches the
 * app's own /status/{kind} page and serves its HTML with the status. Only the theme cookie goes
 * along: the page needs no session, and share-unlock cookies must not travel further than needed.
 * The page's scripts carry the nonce of that inner request; they are given this request's nonce,
 * the one its Content-Security-Policy header allows, so the page runs as any other. If the app
 * cannot render the page, the same words go out as a self-contained page.
 */
export async function statusResponse(request: Request, kind: StatusKind): Promise<Response> {
  const { title, body, status } = STATUS_PAGES[kind];
  const theme = /(?:^|;\s*)theme=(light|dark)(?:;|$)/.exec(request.headers.get('cookie') ?? '')?.[1];
  let html: string;
  try {
    const page = await fetch(new URL(`/status/${kind}`, request.url), {
      cache: 'no-store',
      redirect: 'error',
      headers: theme ? { cookie: `${THEME_COOKIE}=${theme}` } : {},
      signal: AbortSignal.timeout(5_000),
    });
    if (!page.ok) throw new Error(`status page answered ${page.status}`);
    html = await page.text();
    const inner = nonceOf(page.headers.get('content-security-policy'));
    const outer = nonceOf(request.headers.get('content-security-policy'));
    // On its script tags and in the React payload that hydrates them (random bytes: nothing else matches).
    if (inner && outer) html = html.replaceAll(inner, outer);
  } catch {
    html = messagePageHtml(title, body);
  }
  return new Response(html, { status, headers: HEADERS });
}
