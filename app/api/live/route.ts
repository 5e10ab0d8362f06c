// Liveness: the process answers, with no database or S3 work (/api/health is readiness). Also the
// reference `npm run bench` measures the download routes against: a dynamic route of the same build.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return new Response('ok', { headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain' } });
}
