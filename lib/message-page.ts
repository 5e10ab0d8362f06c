/**
 * A small, self-contained page for route handlers that answer a link (a refused share or invoice
 * link): no app chrome, inline styles because a route handler's response has no access to the app's
 * stylesheet. Title and body are text, escaped here.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export function messagePageHtml(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Guestpass</title>
<style>
  :root { color-scheme: light; font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; min-height: 100dvh; display: grid; place-items: center; background: #f8fafc; color: #0f172a; }
  main { max-width: 28rem; margin: 1rem; padding: 2rem 1.5rem; background: #fff; border-radius: .75rem; box-shadow: 0 1px 2px rgb(0 0 0 / .06); outline: 1px solid #e2e8f0; text-align: center; }
  h1 { font-size: 1.375rem; margin: 1rem 0 .5rem; }
  p { margin: 0; line-height: 1.5; color: #475569; }
  svg { width: 2.5rem; height: 2.5rem; }
</style>
</head>
<body>
<main>
<svg viewBox="0 0 32 32" aria-hidden="true"><rect width="32" height="32" rx="7" fill="#1f5fd1"/><path d="M11 11l10 10M21 11 11 21" stroke="#fff" stroke-width="3.5" stroke-linecap="round"/></svg>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(body)}</p>
</main>
</body>
</html>
`;
}

export function messagePageResponse(title: string, body: string, status: number): Response {
  return new Response(messagePageHtml(title, body), {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
