/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The deployable artifact: .next/standalone/server.js with only the node_modules it needs
  // (npm run build copies the static assets and public/ next to it; npm start runs it).
  output: 'standalone',
  // The build type-checks the app only: tests and dev scripts need devDependencies that a
  // production install (npm ci --omit=dev) does not have; npm test type-checks everything.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
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
