/**
 * Requests no page or route of the app can mean, refused before any of them runs (proxy.ts answers
 * 400): a path with a malformed percent-escape (%E0%A4%A, a lone %), which would otherwise fail
 * while Next decodes the route's parameters (a bare 500), and a NUL character anywhere in the path
 * or query, which PostgreSQL refuses in text (another 500). Nothing legitimate contains either.
 */
export function malformedRequestReason(url: { pathname: string; search: string }): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return 'The address contains a malformed %-escape.';
  }
  if (path.includes('\0') || /%00/i.test(url.search) || url.search.includes('\0'))
    return 'The address contains a NUL character.';
  return null;
}

/** Whether any text in a value (a server action's input, at any depth) contains a NUL character. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  if (value instanceof FormData) return [...value.values()].some((v) => containsNul(v, depth + 1));
  return Object.values(value).some((v) => containsNul(v, depth + 1));
}
