import 'server-only';
import { db } from '@/lib/db';
import { requireAdmin } from '@/lib/dal/session';
import type { Role } from '@/lib/generated/prisma/enums';

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
}

/** Every account, for admins. */
export async function listUsers(): Promise<UserSummary[]> {
  await requireAdmin();
  return db.user.findMany({
    orderBy: [{ role: 'asc' }, { email: 'asc' }],
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
}
