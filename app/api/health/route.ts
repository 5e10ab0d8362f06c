import { currentUser } from '@/lib/dal/session';
import { checkHealth, publicHealth } from '@/lib/health';

// Always live: a cached health answer is no answer.
export const dynamic = 'force-dynamic';

/**
 * Liveness by default: 200 while the database and the bucket answer (status ok or degraded), 503
 * when either is down. With ?strict=1 it is a readiness check for load balancers: 503 unless every
 * check is ok. Anyone sees each check's status; a signed-in admin also sees what was found and the fix.
 */
export async function GET(request: Request) {
  const report = await checkHealth();
  const strict = ['1', 'true'].includes(new URL(request.url).searchParams.get('strict') ?? '');
  const healthy = strict ? report.status === 'ok' : report.status !== 'unavailable';
  const admin = await currentUser()
    .then((user) => user?.role === 'ADMIN')
    .catch(() => false);
  return Response.json(admin ? report : publicHealth(report), {
    status: healthy ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
