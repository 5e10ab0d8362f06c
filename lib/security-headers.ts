/**
 * The headers every page is served with (proxy.ts sets them per request). The Content-Security-Policy
 * allows scripts only with this request's nonce (Next puts it on its own scripts), and names the S3
 * origins only where the browser really talks to S3: images (profile photos, previews), connections
 * (uploads and a partner's Download all go by fetch/XHR straight to S3) and frames (PDF previews). Downloads are navigations to a pre-signed URL, which a
 * CSP does not govern; no form posts to S3, so forms stay on this site.
 */
export interface SecurityHeaderOptions {
  nonce: string;
  /** The app's own URL: https turns on HSTS and upgrade-insecure-requests. */
  appUrl: string;
  /** Origins of the S3 endpoints URLs are signed for (the bucket and any access points). */
  s3Origins: readonly string[];
  /** `next dev` evaluates code for Fast Refresh; a production build never does. */
  development: boolean;
}

export function contentSecurityPolicy({ nonce, appUrl, s3Origins, development }: SecurityHeaderOptions): string {
  const s3 = s3Origins.join(' ');
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? ` 'unsafe-eval'` : ''}`,
    // React sets style attributes (progress bars); styles cannot run code, scripts are what the nonce guards.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob: ${s3}`,
    `connect-src 'self' ${s3}`,
    // A partner's PDF preview is an <iframe> whose click route redirects to a pre-signed GET on S3.
    `frame-src 'self' ${s3}`,
    `font-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(appUrl.startsWith('https:') ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.map((d) => d.trim()).join('; ');
}

/** No feature the app does not use; copying a link to the clipboard is its only one. */
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=(), clipboard-write=(self)';

/** Two years, subdomains included: only ever sent when the app is served over https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'Permissions-Policy': PERMISSIONS_POLICY,
    ...(options.appUrl.startsWith('https:') ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}
