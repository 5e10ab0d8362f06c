import 'server-only';
import { issueSetupLink } from '@/lib/dal/setup';
import { formatDateTime } from '@/lib/format';

/**
 * At server start: while the database has no admin, prints a one-time link to /setup. The log is
 * the channel because only the operator reads it. Never stops the server (a database still coming
 * up is reported, and the next start tries again).
 */
export async function announceSetupLink(): Promise<void> {
  try {
    const link = await issueSetupLink();
    if (!link) return;
    console.log(
      [
        '',
        'Guestpass has no admin yet. Create the first one here (the link works once, until',
        `${formatDateTime(link.expiresAt, 'UTC')}; every start prints a new one while no admin exists):`,
        `  Setup: ${link.url}`,
        'Or run: npm run users:create -- --email you@example.com --name "Your Name" --role admin',
        '',
      ].join('\n'),
    );
  } catch (error) {
    console.error(
      'Could not check whether Guestpass has an admin yet:',
      error instanceof Error ? error.message : error,
    );
  }
}
