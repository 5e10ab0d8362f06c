/**
 * The authorization matrix: one entry for every server action and route handler of the app. The
 * suite reads the build's own manifests and fails when an action or route has no entry here, so a
 * new endpoint cannot ship without saying who may call it and with what.
 *
 * For each entry the suite calls the endpoint as anonymous, as a customer (alice), as another
 * customer (bob) and as an admin, with valid, foreign and malformed ids:
 * - `valid` input is only ever sent by callers who must be refused (anonymous, or a customer on an
 *   admin endpoint); what the right caller gets with it is the feature suites' business.
 * - `foreign` names a resource the allowed caller does not own (another customer's invoice, another
 *   customer's upload), or a well-formed id of nothing for admin endpoints: refused with a message.
 * - `malformed` input is refused with a message (a form state), never a 500.
 * Nothing any of these calls do may change the database or the bucket.
 */

export type Caller = 'anonymous' | 'customer' | 'otherCustomer' | 'admin';
export type Role = 'public' | 'user' | 'admin';

/** A caller the role lets through: the admin, alice, or anyone. */
export function allowedCaller(role: Role): Caller {
  return role === 'admin' ? 'admin' : role === 'user' ? 'customer' : 'anonymous';
}

/** Resources made for the run (alice is the customer, bob the other customer). */
export interface Fixtures {
  aliceInvoiceId: string;
  bobInvoiceId: string;
  aliceAvatarUploadId: string;
  bobAvatarUploadId: string;
  carolId: string;
  adminId: string;
  /** A ready library file in the share, and one outside it. */
  sharedFileId: string;
  unsharedFileId: string;
  shareId: string;
  recipientId: string;
  shareToken: string;
  /** A recipient token of a second share, which does not hold sharedFileId. */
  otherShareToken: string;
  invoiceLinkToken: string;
  /** The customer's name before the run. */
  aliceName: string;
}

/** A form's fields (repeated fields as arrays), or the value a client-called action receives. */
export type FormInput = Record<string, string | string[]>;
type Input<T> = T | ((fixtures: Fixtures) => T);

interface ActionEntryBase<T> {
  role: Role;
  valid?: Input<T>;
  foreign?: Input<T>;
  malformed?: Input<T>;
  /** Ends the caller's own session whatever the input: only anonymous callers send it here. */
  endsSession?: true;
  /** Ignores its input (any value runs it): the hostile-input suite has nothing to feed it. */
  readsNoInput?: true;
  /**
   * Sets free text on the caller's own account, where any text the rules accept is a legitimate
   * change (the rules are unit-tested): the hostile-input suite puts this input back afterwards.
   */
  restore?: Input<T>;
  /** Why an input kind is absent, when it is. */
  note?: string;
}
/** Declared with defineFormAction: called with (previous state, form). */
/** What a client-called action receives: any JSON-like value. */
type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
export type ActionEntry = ({ form: true } & ActionEntryBase<FormInput>) | ({ form: false } & ActionEntryBase<Value>);

const NO_SUCH_ID = 'cmatrix0000000000000000000';
const BAD_ID = '../../etc/passwd%00';
const PASSWORD = 'a long enough passphrase';

const userVerb = (valid: (f: Fixtures) => string): ActionEntry => ({
  form: true,
  role: 'admin',
  valid: (f) => ({ userId: valid(f) }),
  foreign: { userId: NO_SUCH_ID },
  malformed: { userId: BAD_ID },
});
const fileVerb = (form: boolean): ActionEntry =>
  form
    ? {
        form: true,
        role: 'admin',
        valid: (f) => ({ fileId: f.unsharedFileId }),
        foreign: { fileId: NO_SUCH_ID },
        malformed: { fileId: '' },
      }
    : {
        form: false,
        role: 'admin',
        valid: (f) => ({ fileId: f.unsharedFileId }),
        foreign: { fileId: NO_SUCH_ID },
        malformed: { fileId: ['x'] },
      };
const recipientVerb: ActionEntry = {
  form: true,
  role: 'admin',
  valid: (f) => ({ shareId: f.shareId, recipientId: f.recipientId }),
  foreign: (f) => ({ shareId: f.shareId, recipientId: NO_SUCH_ID }),
  malformed: { shareId: BAD_ID, recipientId: '' },
};

export const ACTIONS: Record<string, ActionEntry> = {
  'lib/actions/account-links.ts#setPasswordAction': {
    form: true,
    role: 'public',
    // A share token is not an account token: the wrong table's secret.
    foreign: (f) => ({ token: f.shareToken, password: PASSWORD, confirm: PASSWORD }),
    malformed: { token: 'x'.repeat(300), password: 'short', confirm: 'other' },
  },
  'lib/actions/account-links.ts#forgotPasswordAction': {
    form: true,
    role: 'public',
    malformed: { email: 'not an address' },
  },
  'lib/actions/account-links.ts#confirmEmailChangeAction': {
    form: true,
    role: 'public',
    foreign: (f) => ({ token: f.invoiceLinkToken }),
    malformed: { token: 'x'.repeat(300) },
  },
  'lib/actions/account-links.ts#completeSetupAction': {
    form: true,
    role: 'public',
    // The seeded database has an admin: there is no setup token to use.
    foreign: {
      token: 'a'.repeat(43),
      name: 'Mallory',
      email: 'mallory@example.com',
      password: PASSWORD,
      confirm: PASSWORD,
    },
    malformed: { token: '', name: '', email: 'x', password: '', confirm: '' },
  },
  'lib/actions/avatar.ts#createAvatarUploadAction': {
    form: false,
    role: 'user',
    valid: { contentType: 'image/png', size: 1000 },
    malformed: { contentType: 'text/html', size: -1 },
  },
  'lib/actions/avatar.ts#confirmAvatarUploadAction': {
    form: false,
    role: 'user',
    valid: (f) => ({ uploadId: f.aliceAvatarUploadId }),
    foreign: (f) => ({ uploadId: f.bobAvatarUploadId }),
    malformed: { uploadId: '../x' },
  },
  'lib/actions/avatar.ts#removeAvatarAction': {
    form: false,
    role: 'user',
    malformed: { photo: 'all of them' },
    note: 'takes no input: the valid call is only made by anonymous callers',
  },
  'lib/actions/invoices.ts#createInvoiceLinkAction': {
    form: false,
    role: 'user',
    valid: (f) => f.aliceInvoiceId,
    foreign: (f) => f.bobInvoiceId,
    malformed: { id: ['x'] },
  },
  'lib/actions/invoices.ts#startInvoiceIssueAction': {
    form: false,
    role: 'admin',
    valid: (f) => ({
      customerId: f.carolId,
      number: 'INV-MATRIX-1',
      amount: '10.00',
      currency: 'EUR',
      file: { name: 'a.pdf', size: 1000, contentType: 'application/pdf' },
    }),
    foreign: { customerId: NO_SUCH_ID, number: 'INV-MATRIX-2', amount: '10.00', currency: 'EUR' },
    malformed: { customerId: '', number: '', amount: '-1e309', currency: 'XXXX' },
  },
  'lib/actions/invoices.ts#confirmInvoiceIssueAction': {
    form: false,
    role: 'admin',
    valid: (f) => f.aliceInvoiceId,
    foreign: NO_SUCH_ID,
    malformed: { id: 1 },
  },
  'lib/actions/invoices.ts#searchInvoiceCustomersAction': {
    form: false,
    role: 'admin',
    valid: { query: 'alice' },
    malformed: { query: ['x'] },
    note: 'reads only, and every admin may search every customer: there is no foreign input',
  },
  'lib/actions/invoices.ts#voidInvoiceAction': {
    form: true,
    role: 'admin',
    valid: (f) => ({ invoiceId: f.aliceInvoiceId }),
    foreign: { invoiceId: NO_SUCH_ID },
    malformed: { invoiceId: BAD_ID },
  },
  'lib/actions/library-files.ts#createLibraryFileUploadAction': {
    form: false,
    role: 'admin',
    valid: { name: 'matrix.pdf', size: 1000, contentType: 'application/pdf' },
    malformed: { name: '', size: -1, contentType: 'text/html\r\nX: y' },
  },
  'lib/actions/library-files.ts#resumeLibraryFileUploadAction': fileVerb(false),
  'lib/actions/library-files.ts#signLibraryFileUploadPartAction': {
    form: false,
    role: 'admin',
    valid: (f) => ({ fileId: f.unsharedFileId, partNumber: 1 }),
    foreign: { fileId: NO_SUCH_ID, partNumber: 1 },
    malformed: { fileId: NO_SUCH_ID, partNumber: 10_001 },
  },
  'lib/actions/library-files.ts#completeLibraryFileUploadAction': fileVerb(false),
  'lib/actions/library-files.ts#abortLibraryFileUploadAction': fileVerb(false),
  'lib/actions/library-files.ts#renameLibraryFileAction': {
    form: true,
    role: 'admin',
    valid: (f) => ({ fileId: f.unsharedFileId, name: 'renamed by an attacker.pdf' }),
    foreign: { fileId: NO_SUCH_ID, name: 'x.pdf' },
    malformed: { fileId: '', name: '' },
  },
  'lib/actions/library-files.ts#deleteLibraryFileAction': fileVerb(true),
  'lib/actions/mail.ts#retryMailAction': {
    form: true,
    role: 'admin',
    valid: { mailId: NO_SUCH_ID },
    foreign: { mailId: NO_SUCH_ID },
    malformed: { mailId: BAD_ID },
  },
  'lib/actions/profile.ts#changeNameAction': {
    form: true,
    role: 'user',
    valid: { name: 'Renamed by an attacker' },
    malformed: { name: '' },
    restore: (f) => ({ name: f.aliceName }),
  },
  'lib/actions/profile.ts#requestEmailChangeAction': {
    form: true,
    role: 'user',
    valid: { email: 'attacker@example.com', currentPassword: 'wrong password' },
    malformed: { email: 'not an address', currentPassword: '' },
  },
  'lib/actions/profile.ts#changePasswordAction': {
    form: true,
    role: 'user',
    valid: { currentPassword: 'wrong password', password: PASSWORD, confirm: PASSWORD },
    malformed: { currentPassword: '', password: 'short', confirm: 'other' },
  },
  'lib/actions/profile.ts#signOutEverywhereAction': {
    form: true,
    role: 'user',
    valid: {},
    endsSession: true,
    note: 'takes no input: any call by a signed-in user succeeds',
  },
  'lib/actions/run-storage-lab.ts#runStorageLabAction': {
    form: false,
    role: 'admin',
    valid: null,
    readsNoInput: true,
    note: 'takes no input; the admin run is tested by the storage lab suites (it changes the bucket policy while it runs)',
  },
  'lib/actions/shares.ts#createShareAction': {
    form: true,
    role: 'admin',
    valid: (f) => ({
      title: 'Made by an attacker',
      message: '',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      password: '',
      maxDownloads: '',
      fileId: [f.sharedFileId],
      recipientName: ['Mallory'],
      recipientEmail: ['mallory@example.com'],
    }),
    foreign: {
      title: 'Foreign file',
      message: '',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      password: '',
      maxDownloads: '',
      fileId: [NO_SUCH_ID],
      recipientName: ['Mallory'],
      recipientEmail: ['mallory@example.com'],
    },
    malformed: { title: '', expiresAt: '10000-01-01', maxDownloads: '-1', fileId: [BAD_ID], recipientEmail: ['x'] },
  },
  'lib/actions/shares.ts#updateShareAction': {
    form: true,
    role: 'admin',
    valid: (f) => ({
      shareId: f.shareId,
      title: 'Changed by an attacker',
      message: '',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      passwordMode: 'keep',
      password: '',
      maxDownloads: '',
      fileId: [f.sharedFileId],
    }),
    foreign: (f) => ({
      shareId: NO_SUCH_ID,
      title: 'x',
      message: '',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      passwordMode: 'keep',
      password: '',
      maxDownloads: '',
      fileId: [f.sharedFileId],
    }),
    malformed: { shareId: BAD_ID, passwordMode: 'steal' },
  },
  'lib/actions/shares.ts#addShareRecipientsAction': {
    form: true,
    role: 'admin',
    valid: (f) => ({ shareId: f.shareId, recipientName: ['Mallory'], recipientEmail: ['mallory@example.com'] }),
    foreign: { shareId: NO_SUCH_ID, recipientName: ['Mallory'], recipientEmail: ['mallory@example.com'] },
    malformed: { shareId: BAD_ID, recipientName: [''], recipientEmail: ['x'] },
  },
  'lib/actions/shares.ts#revokeShareAction': {
    form: true,
    role: 'admin',
    valid: (f) => ({ shareId: f.shareId }),
    foreign: { shareId: NO_SUCH_ID },
    malformed: { shareId: BAD_ID },
  },
  'lib/actions/shares.ts#revokeShareRecipientAction': recipientVerb,
  'lib/actions/shares.ts#removeShareRecipientAction': recipientVerb,
  'lib/actions/shares.ts#issueRawShareUrlAction': {
    form: true,
    role: 'admin',
    valid: (f) => ({ shareId: f.shareId, fileId: f.sharedFileId, ttlSeconds: '300', acknowledged: 'yes' }),
    // A file of the library that this share does not hold.
    foreign: (f) => ({ shareId: f.shareId, fileId: f.unsharedFileId, ttlSeconds: '300', acknowledged: 'yes' }),
    malformed: (f) => ({ shareId: f.shareId, fileId: f.sharedFileId, ttlSeconds: '1e9', acknowledged: 'no' }),
  },
  'lib/actions/shares.ts#emailShareLinksAction': {
    form: false,
    role: 'admin',
    valid: (f) => ({ shareId: f.shareId, links: [{ recipientId: f.recipientId, url: `/s/${f.shareToken}` }] }),
    foreign: { shareId: NO_SUCH_ID, links: [{ recipientId: NO_SUCH_ID, url: 'https://evil.example/' }] },
    malformed: { shareId: BAD_ID, links: [] },
  },
  'lib/actions/shares.ts#searchShareableFilesAction': {
    form: false,
    role: 'admin',
    valid: 'matrix',
    malformed: { search: 'x' },
  },
  'lib/actions/sign-in.ts#signInAction': {
    form: true,
    role: 'public',
    foreign: { email: 'alice@example.com', password: 'not her password', callbackUrl: '/' },
    malformed: { email: '', password: '', callbackUrl: '//evil.example/' },
  },
  'lib/actions/sign-in.ts#emailSignInLinkAction': {
    form: true,
    role: 'public',
    malformed: { email: 'not an address', callbackUrl: '//evil.example/' },
    note: 'answers alike whether or not an account uses the address, so only malformed input is a refusal',
  },
  'lib/actions/sign-in.ts#ssoSignInAction': {
    form: true,
    role: 'public',
    // The suite's app has no SSO configured: every call is refused with a message.
    foreign: { callbackUrl: '/admin' },
    malformed: { callbackUrl: '//evil.example/' },
  },
  'lib/actions/sign-out.ts#signOutAction': {
    form: false,
    role: 'user',
    malformed: { everyone: true },
    endsSession: true,
    note: 'no role gate and no input: it ends only the caller’s own session, so an anonymous caller is sent to sign in',
  },
  'lib/actions/unlock-share.ts#unlockShareAction': {
    form: true,
    role: 'public',
    foreign: (f) => ({ token: f.otherShareToken, password: 'not the password' }),
    malformed: { token: '', password: '' },
  },
  'lib/actions/users.ts#inviteUserAction': {
    form: true,
    role: 'admin',
    valid: { name: 'Mallory', email: 'mallory@example.com', role: 'ADMIN' },
    malformed: { name: '', email: 'x', role: 'ROOT' },
  },
  'lib/actions/users.ts#changeRoleAction': {
    form: true,
    role: 'admin',
    valid: (f) => ({ userId: f.carolId, role: 'ADMIN' }),
    foreign: { userId: NO_SUCH_ID, role: 'ADMIN' },
    malformed: (f) => ({ userId: f.carolId, role: 'ROOT' }),
  },
  'lib/actions/users.ts#deactivateUserAction': userVerb((f) => f.adminId),
  'lib/actions/users.ts#reactivateUserAction': userVerb((f) => f.carolId),
  'lib/actions/users.ts#deleteUserAction': userVerb((f) => f.carolId),
  'lib/actions/users.ts#resendInvitationAction': userVerb((f) => f.carolId),
  'lib/actions/users.ts#revokeInvitationAction': userVerb((f) => f.carolId),
  'lib/actions/users.ts#sendPasswordResetAction': userVerb((f) => f.adminId),
};

/** A refusal a route gives: a status, a redirect to sign in, or back to a locked share's page to unlock it. */
export type RouteAnswer = number | 'sign-in' | 'share-page';
export interface RouteCall {
  caller: Caller;
  path: string;
  kind: 'valid' | 'foreign' | 'malformed';
  expect: RouteAnswer | RouteAnswer[];
  /** GET unless said; a POST is sent as another site's form would send it. */
  method?: 'POST';
}

const everyone: Caller[] = ['anonymous', 'customer', 'otherCustomer', 'admin'];
const each = (kind: RouteCall['kind'], paths: string[], expect: RouteCall['expect'], callers = everyone) =>
  callers.flatMap((caller) => paths.map((path) => ({ caller, path, kind, expect })));

/** Every route handler, keyed by its app path in the build, with the calls that must be refused. */
export const ROUTES: Record<string, { role: Role; calls: (f: Fixtures) => RouteCall[] }> = {
  '/(app)/invoices/[id]/download/route': {
    role: 'user',
    // One answer for anonymous callers, other customers' and unknown invoices alike: 404.
    calls: (f) => [
      ...each('valid', [`/invoices/${f.aliceInvoiceId}/download`], 404, ['anonymous', 'otherCustomer']),
      ...each('foreign', [`/invoices/${f.bobInvoiceId}/download`], 404, ['customer']),
      ...each('foreign', [`/invoices/${NO_SUCH_ID}/download`], 404, ['customer', 'admin']),
      ...each('malformed', ['/invoices/x/download', '/invoices/..%2F..%2Fadmin/download'], 404, ['customer', 'admin']),
    ],
  },
  '/(app)/admin/files/[id]/download/route': {
    role: 'admin',
    calls: (f) => [
      ...each('valid', [`/admin/files/${f.sharedFileId}/download`], 'sign-in', ['anonymous']),
      ...each('valid', [`/admin/files/${f.sharedFileId}/download`], 403, ['customer', 'otherCustomer']),
      ...each('foreign', [`/admin/files/${NO_SUCH_ID}/download`], 404, ['admin']),
      ...each('malformed', ['/admin/files/x/download', '/admin/files/%E2%80%AE/download'], 404, ['admin']),
    ],
  },
  '/i/[token]/route': {
    role: 'public',
    // A bearer link: whoever holds it may follow it. A changed signature or a made-up token may not.
    calls: (f) => [
      ...each(
        'foreign',
        [`/i/${f.invoiceLinkToken.slice(0, -2)}${f.invoiceLinkToken.endsWith('AA') ? 'BB' : 'AA'}`],
        404,
      ),
      ...each('malformed', ['/i/x', '/i/a.b.c', `/i/${'x'.repeat(2000)}`], 404),
      ...each('malformed', ['/i/%00', '/i/%ZZ'], 400),
    ],
  },
  '/(app)/admin/audit/export/route': {
    role: 'admin',
    calls: () => [
      ...each('valid', ['/admin/audit/export'], 'sign-in', ['anonymous']),
      ...each('valid', ['/admin/audit/export', '/admin/audit/export?q=%25'], 403, ['customer', 'otherCustomer']),
    ],
  },
  '/s/[token]/files/[fileId]/preview/route': {
    role: 'public',
    calls: (f) => [
      ...each('foreign', [`/s/${f.otherShareToken}/files/${f.sharedFileId}/preview`], ['share-page', 404]),
      ...each('foreign', [`/s/${f.shareToken}/files/${f.unsharedFileId}/preview`], 404),
      ...each('malformed', ['/s/x/files/y/preview'], 404),
      ...each('malformed', ['/s/%ZZ/files/x/preview'], 400),
    ],
  },
  '/s/[token]/files/[fileId]/route': {
    role: 'public',
    calls: (f) => [
      // Download all's counting POST, sent by another site's page: it would spend a partner's downloads.
      ...each('valid', [`/s/${f.shareToken}/files/${f.sharedFileId}`], 403, ['anonymous']).map((call) => ({
        ...call,
        method: 'POST' as const,
      })),
      // Another (locked) share's link for this share's file, and this share's link for a file it does not hold.
      ...each('foreign', [`/s/${f.otherShareToken}/files/${f.sharedFileId}`], ['share-page', 404]),
      ...each('foreign', [`/s/${f.shareToken}/files/${f.unsharedFileId}`], 404),
      ...each('malformed', ['/s/x/files/y', `/s/${'a'.repeat(500)}/files/${NO_SUCH_ID}`], 404),
      ...each('malformed', ['/s/%ZZ/files/x', `/s/${f.shareToken}/files/%00`], 400),
    ],
  },
  '/api/health/route': {
    role: 'public',
    // Public by design (load balancers); what anonymous callers may read is checked by the suite.
    calls: () => each('valid', ['/api/health'], 200),
  },
  '/api/live/route': {
    role: 'public',
    // Liveness (and the bench's no-op reference): answers "ok" to everyone, reads nothing.
    calls: () => each('valid', ['/api/live'], 200),
  },
  '/api/auth/[...nextauth]/route': {
    role: 'public',
    // Auth.js's own endpoints: the session of an anonymous caller is empty; unknown actions are refused.
    calls: () => [
      ...each('valid', ['/api/auth/session', '/api/auth/csrf', '/api/auth/providers'], 200, ['anonymous']),
      // An unknown provider's callback: Auth.js sends the visitor back to sign in, with the error.
      ...each('malformed', ['/api/auth/steal', '/api/auth/callback/github'], [400, 404, 302, 'sign-in'], ['anonymous']),
      ...each('malformed', ['/api/auth/%00'], 400, ['anonymous']),
    ],
  },
};
