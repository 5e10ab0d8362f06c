import type { Role, UserStatus } from '@/lib/generated/prisma/enums';

/** How roles and account states read everywhere in the app. */
export const ROLE_LABELS: Record<Role, string> = { USER: 'Customer', ADMIN: 'Admin' };

export const STATUS_LABELS: Record<UserStatus, string> = {
  INVITED: 'Invited',
  ACTIVE: 'Active',
  DEACTIVATED: 'Deactivated',
};
