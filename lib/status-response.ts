import 'server-only';
import { STATUS_PAGES, type StatusKind } from '@/lib/status-pages';
import { THEME_COOKIE } from '@/lib/theme';

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

/** The same words without the app's styles: only when the app could not render its own page. */
export function plainStatusHtml(kind: StatusKind): string {
  const page: { title: string; body: string; back?: { href: string; label: string } } = STATUS_PAGES[kind];
  const back = page.back ? `<p><a href="${page.back.href}">${page.back.label}</a></p>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${page.title} · Guestpass</title></head><body><main><h1>${page.title}</h1><p>${page.body}</p>${back}</main></body></html>`;
}

/**
 * A route handler's refusal as a page in the app's layout, under the right status. Next cannot
 * give a page a 410 (and a route handler cannot render a layout), so the handler fetches the
 * app's own /status/{kind} page and serves its HTML with the status. Only the theme cookie goes
 * along: the page needs no session, and share-unlock cookies must not travel further than needed.
 */
export async function statusResponse(request: Request, kind: StatusKind): Promise<Response> {
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
  } catch {
    html = plainStatusHtml(kind);
  }
  return new Response(html, { status: STATUS_PAGES[kind].status, headers: HEADERS });
}
