/**
 * Where a visitor may be sent back to after signing in (a `callbackUrl`, a return path): resolved the
 * way a browser resolves it, against the app's own URL, and kept only when it lands on the app's
 * origin; then only its path and query are kept. A string check is not enough: browsers drop tabs and
 * line breaks and read `\` as `/`, so `/\t/evil.example/` passes `startsWith('/')` and ends up at
 * //evil.example/. Anything else gives `/`.
 */
export function safeReturnPath(value: unknown, appUrl: string): string {
  if (typeof value !== 'string' || value === '') return '/';
  const base = new URL(appUrl);
  let target: URL;
  try {
    target = new URL(value, base);
  } catch {
    return '/';
  }
  if (target.origin !== base.origin) return '/';
  // A path like /.//evil.example resolves to //evil.example, which a Location header would read as a host.
  return `${target.pathname.replace(/^\/{2,}/, '/')}${target.search}`;
}
