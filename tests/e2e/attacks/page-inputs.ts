import type { Caller, Fixtures } from './authorization-matrix';

/**
 * What each page of the build reads from its address, and who views it: the hostile-input suite fills
 * every dynamic segment and every query parameter listed here. A page the build has and this table
 * lacks fails the suite, so a new page (or a new parameter) is attacked from the start.
 */
export interface PageInputs {
  caller: Caller;
  /** The address with `{}` for each dynamic segment, in order. */
  path: string;
  query: string[];
}

export const PAGES: Record<string, PageInputs> = {
  '/(app)/page': { caller: 'customer', path: '/', query: [] },
  '/(app)/invoices/page': { caller: 'customer', path: '/invoices', query: ['customer', 'after', 'before'] },
  '/(app)/profile/page': { caller: 'customer', path: '/profile', query: [] },
  '/(app)/admin/page': { caller: 'admin', path: '/admin', query: [] },
  '/(app)/admin/audit/page': {
    caller: 'admin',
    path: '/admin/audit',
    query: ['q', 'actor', 'action', 'from', 'to', 'after', 'before'],
  },
  '/(app)/admin/files/page': { caller: 'admin', path: '/admin/files', query: ['q', 'sort', 'dir', 'after', 'before'] },
  '/(app)/admin/invoices/page': {
    caller: 'admin',
    path: '/admin/invoices',
    query: ['customer', 'after', 'before'],
  },
  '/(app)/admin/mail/page': {
    caller: 'admin',
    path: '/admin/mail',
    query: ['failedAfter', 'failedBefore', 'waitingAfter', 'waitingBefore'],
  },
  '/(app)/admin/shares/page': { caller: 'admin', path: '/admin/shares', query: ['state', 'q', 'after', 'before'] },
  '/(app)/admin/shares/new/page': { caller: 'admin', path: '/admin/shares/new', query: [] },
  '/(app)/admin/shares/[shareId]/page': { caller: 'admin', path: '/admin/shares/{}', query: ['after', 'before'] },
  '/(app)/admin/shares/[shareId]/edit/page': { caller: 'admin', path: '/admin/shares/{}/edit', query: [] },
  '/(app)/admin/shares/[shareId]/recipients/[recipientId]/page': {
    caller: 'admin',
    path: '/admin/shares/{}/recipients/{}',
    query: ['after', 'before'],
  },
  '/(app)/admin/storage/page': { caller: 'admin', path: '/admin/storage', query: [] },
  '/(app)/admin/storage/lab/page': { caller: 'admin', path: '/admin/storage/lab', query: [] },
  '/(app)/admin/users/page': { caller: 'admin', path: '/admin/users', query: ['q', 'status', 'after', 'before'] },
  '/_global-error/page': { caller: 'anonymous', path: '/_global-error', query: [] },
  '/_not-found/page': { caller: 'anonymous', path: '/_not-found', query: [] },
  '/account/email/page': { caller: 'anonymous', path: '/account/email', query: ['token'] },
  '/account/password/page': { caller: 'anonymous', path: '/account/password', query: ['token'] },
  '/forgot-password/page': { caller: 'anonymous', path: '/forgot-password', query: ['email'] },
  '/login/link/page': { caller: 'anonymous', path: '/login/link', query: ['callbackUrl', 'email'] },
  '/login/link/open/page': { caller: 'anonymous', path: '/login/link/open', query: ['token', 'email', 'callbackUrl'] },
  '/status/[kind]/page': { caller: 'anonymous', path: '/status/{}', query: [] },
  '/login/page': { caller: 'anonymous', path: '/login', query: ['callbackUrl', 'notice', 'email'] },
  '/s/[token]/page': { caller: 'anonymous', path: '/s/{}', query: [] },
  '/setup/page': { caller: 'anonymous', path: '/setup', query: ['token'] },
};

/** Route handlers' dynamic segments and query parameters, filled the same way. */
export const ROUTE_INPUTS: Record<string, (f: Fixtures) => PageInputs[]> = {
  '/(app)/invoices/[id]/download/route': () => [{ caller: 'customer', path: '/invoices/{}/download', query: [] }],
  '/(app)/admin/files/[id]/download/route': () => [{ caller: 'admin', path: '/admin/files/{}/download', query: [] }],
  '/(app)/admin/audit/export/route': () => [
    { caller: 'admin', path: '/admin/audit/export', query: ['q', 'actor', 'action', 'from', 'to'] },
  ],
  '/s/[token]/files/[fileId]/preview/route': (f) => [
    { caller: 'anonymous', path: '/s/{}/files/{}/preview', query: [] },
    { caller: 'anonymous', path: `/s/${f.shareToken}/files/{}/preview`, query: [] },
  ],
  '/i/[token]/route': () => [{ caller: 'anonymous', path: '/i/{}', query: [] }],
  '/s/[token]/files/[fileId]/route': (f) => [
    { caller: 'anonymous', path: '/s/{}/files/{}', query: [] },
    { caller: 'anonymous', path: `/s/${f.shareToken}/files/{}`, query: [] },
  ],
  '/api/health/route': () => [{ caller: 'anonymous', path: '/api/health', query: ['strict'] }],
  '/api/live/route': () => [{ caller: 'anonymous', path: '/api/live', query: [] }],
  '/api/auth/[...nextauth]/route': () => [
    { caller: 'anonymous', path: '/api/auth/{}', query: [] },
    { caller: 'anonymous', path: '/api/auth/session', query: ['callbackUrl'] },
    { caller: 'anonymous', path: '/api/auth/signin', query: ['callbackUrl'] },
  ],
};

/** The cookies the app reads, and a page that reads each. */
export const COOKIES: { name: string; caller: Caller; path: (f: Fixtures) => string }[] = [
  { name: 'authjs.session-token', caller: 'anonymous', path: () => '/invoices' },
  { name: 'authjs.session-token', caller: 'anonymous', path: () => '/admin/files' },
  { name: 'authjs.csrf-token', caller: 'anonymous', path: () => '/api/auth/csrf' },
  { name: 'authjs.callback-url', caller: 'anonymous', path: () => '/api/auth/session' },
  { name: 'authjs.callback-url', caller: 'anonymous', path: () => '/api/auth/signin' },
  { name: 'gp_share_unlock', caller: 'anonymous', path: (f) => `/s/${f.otherShareToken}` },
];
