/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Test runs build into their own directory, so that a suite never races a developer's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // argon2 is a native module: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ['@node-rs/argon2'],
  experimental: {
    // forbidden() and app/forbidden.tsx: non-admins get a real 403 from admin pages.
    authInterrupts: true,
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // Pages link to pre-signed URLs and carry share tokens in their paths: never leak either
          // through the Referer header.
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          // frame-ancestors 'none' in the Content-Security-Policy (proxy.ts) says the same to newer browsers.
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
