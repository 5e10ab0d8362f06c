import { formatRelative } from '@/lib/format';
import { corsProblems } from '@/lib/storage/cors';
import { canonicalRule, lifecycleRules } from '@/lib/storage/lifecycle';
import { canonicalJson } from '@/lib/storage/security/diff';
import {
  bucketPolicyStatements,
  publicGrants,
  sameStatement,
  SID,
  type SecurityConfig,
} from '@/lib/storage/security/policies';
import type { BucketState } from '@/lib/storage/security/state';

/** 'unsupported': the store cannot do this at all (a neutral fact about the store, neither a warning nor a failure). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unsupported';

export interface AuditCheck {
  id: string;
  control: string;
  title: string;
  status: CheckStatus;
  reason: string;
  fix?: string;
  /** Anchor of the mechanism's explanation on /admin/storage. */
  mechanism: string;
}

/** The phrase every check uses when the store, not the configuration, is the limit. */
export const NOT_SUPPORTED = 'not supported by this store';

/** The store answered the read with "not implemented": the setting does not exist there. */
function unreadableCheck<T extends { id: string; control: string; title: string; mechanism: string }>(
  base: T,
  unsupported: string | undefined,
  unreadable: string | undefined,
): (T & Pick<AuditCheck, 'status' | 'reason'>) | null {
  if (unsupported) return { ...base, status: 'unsupported', reason: `${NOT_SUPPORTED}: it answers ${unsupported}` };
  if (unreadable) return { ...base, status: 'fail', reason: `could not read: ${unreadable}` };
  return null;
}

const HARDEN = 'Run `npm run s3:harden` (see the diff first with --dry-run).';
export const ACCOUNT_BPA_COMMAND =
  'aws s3control put-public-access-block --account-id <ACCOUNT_ID> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true';

const BPA_SETTINGS = {
  BlockPublicAcls: 'refuses requests that would set a public ACL',
  IgnorePublicAcls: 'ignores public ACLs that already exist',
  BlockPublicPolicy: 'refuses bucket policies that grant public access',
  RestrictPublicBuckets: 'limits a public policy to AWS principals and this account',
} as const;

function blockPublicAccess(state: BucketState): AuditCheck[] {
  return (Object.keys(BPA_SETTINGS) as (keyof typeof BPA_SETTINGS)[]).map((setting) => {
    const base = {
      id: `bpa.${setting}`,
      control: 'Block Public Access',
      title: setting,
      mechanism: 'block-public-access',
    };
    const on = state.publicAccessBlock?.[setting] === true;
    const note = ` The account-level setting is stronger (it covers every bucket, including new ones): ${ACCOUNT_BPA_COMMAND}`;
    const unreadable = unreadableCheck(base, state.unsupported.publicAccessBlock, state.unreadable.publicAccessBlock);
    if (unreadable) return unreadable;
    if (setting === 'BlockPublicAcls' && state.limits.blockPublicAclsBreaksUploads) {
      return {
        ...base,
        status: 'unsupported',
        reason: `${NOT_SUPPORTED}: with it on, this store refuses every upload, not only public-ACL ones; IgnorePublicAcls still neutralises public ACLs.`,
        fix: 'Leave it off on this store; set it on AWS.',
      };
    }
    if (setting === 'RestrictPublicBuckets' && !state.limits.restrictPublicBucketsEnforced) {
      return {
        ...base,
        status: 'unsupported',
        reason: `${NOT_SUPPORTED}: the setting is ${on ? 'stored' : 'accepted'} but not enforced; BlockPublicPolicy keeps public policies out instead.`,
        fix: on ? undefined : HARDEN,
      };
    }
    return on
      ? {
          ...base,
          status: 'pass',
          reason: `on: the bucket ${BPA_SETTINGS[setting]}.${state.kind === 'aws' ? note : ''}`,
        }
      : {
          ...base,
          status: 'fail',
          reason: `off: nothing ${BPA_SETTINGS[setting].replace(/^\w+s /, 'stops ')}.`,
          fix: `${HARDEN}${state.kind === 'aws' ? note : ''}`,
        };
  });
}

function bucketPolicy(state: BucketState, config: SecurityConfig): AuditCheck[] {
  const base = { control: 'Bucket policy', mechanism: 'bucket-policy' };
  const unreadable = unreadableCheck(
    { ...base, id: 'policy.read', title: 'Bucket policy' },
    state.unsupported.policy,
    state.unreadable.policy,
  );
  if (unreadable) return [unreadable];
  const wanted = new Map(bucketPolicyStatements(config).map((s) => [s.Sid!, s]));
  const present = new Map((state.policy?.Statement ?? []).filter((s) => s.Sid).map((s) => [s.Sid!, s]));
  const statementCheck = (sid: string, title: string, conditionKey: string, offReason?: string): AuditCheck => {
    const check = { ...base, id: `policy.${sid}`, title };
    const limitation = state.limits.unevaluatedConditionKeys.includes(conditionKey)
      ? `; but ${conditionKey} is ${NOT_SUPPORTED} (accepted, never evaluated)`
      : '';
    if (!wanted.has(sid))
      return {
        ...check,
        status: offReason?.startsWith(NOT_SUPPORTED) ? 'unsupported' : 'warn',
        reason: `${offReason}`,
      };
    const current = present.get(sid);
    if (!current) return { ...check, status: 'fail', reason: `statement ${sid} is missing`, fix: HARDEN };
    if (!sameStatement(current, wanted.get(sid)!))
      return { ...check, status: 'fail', reason: `statement ${sid} differs from the configuration`, fix: HARDEN };
    return limitation
      ? { ...check, status: 'unsupported', reason: `statement ${sid} is in place${limitation}` }
      : { ...check, status: 'pass', reason: `statement ${sid} is in place` };
  };
  const grants = publicGrants(state.policy);
  return [
    statementCheck(
      SID.denyInsecureTransport,
      'Deny requests without TLS (aws:SecureTransport)',
      'aws:SecureTransport',
      `${NOT_SUPPORTED}: not applied because ${config.tlsReason}.`,
    ),
    statementCheck(
      SID.denyStaleSignatures,
      `Deny signatures older than ${config.longestTtlSeconds} s, the longest TTL (s3:signatureAge)`,
      's3:signatureAge',
    ),
    statementCheck(
      SID.denyQueryAuthOutsidePrefixes,
      'Deny pre-signed requests outside the app’s prefixes (s3:authType)',
      's3:authType',
    ),
    grants.length
      ? {
          ...base,
          id: 'policy.publicPrincipals',
          title: 'No statement grants access to everyone (Principal "*")',
          status: 'fail',
          reason: `${grants.map((s) => s.Sid ?? '(no Sid)').join(', ')} allow${grants.length === 1 ? 's' : ''} "*"${grants.some((s) => s.Condition) ? ' (with conditions: check they really narrow it)' : ''}`,
          fix: 'Remove the statement by hand (harden never deletes statements it did not write), then turn BlockPublicPolicy on.',
        }
      : {
          ...base,
          id: 'policy.publicPrincipals',
          title: 'No statement grants access to everyone (Principal "*")',
          status: 'pass',
          reason: 'no Allow statement names "*"',
        },
  ];
}

function vpcEndpoint(state: BucketState, config: SecurityConfig): AuditCheck {
  const base = {
    id: 'vpce',
    control: 'VPC endpoint',
    title: 'Bucket reachable only through the VPC endpoint (aws:SourceVpce)',
    mechanism: 'vpc-endpoint',
  };
  if (state.kind !== 'aws')
    return { ...base, status: 'unsupported', reason: `${NOT_SUPPORTED}: VPC endpoints exist on AWS only.` };
  if (!config.vpcEndpointId) {
    return {
      ...base,
      status: 'warn',
      reason: 'not configured: the bucket answers from any network.',
      fix: 'Set S3_VPC_ENDPOINT_ID, attach `npm run s3:audit -- --emit vpc-endpoint` to the endpoint, then harden. Warning: the bucket then refuses the console and any caller outside the VPC, including you.',
    };
  }
  const current = state.policy?.Statement.find((s) => s.Sid === SID.denyOutsideVpcEndpoint);
  return current
    ? { ...base, status: 'pass', reason: `only ${config.vpcEndpointId} reaches the bucket` }
    : {
        ...base,
        status: 'fail',
        reason: `S3_VPC_ENDPOINT_ID is set but ${SID.denyOutsideVpcEndpoint} is missing`,
        fix: HARDEN,
      };
}

function cors(state: BucketState, config: SecurityConfig): AuditCheck {
  const base = {
    id: 'cors',
    control: 'CORS',
    title: 'Only the app’s origin and methods; ETag exposed',
    mechanism: 'cors',
  };
  const unreadable = unreadableCheck(base, state.unsupported.cors, state.unreadable.cors);
  if (unreadable) return unreadable;
  const problems = corsProblems(state.cors, config.origins);
  return problems.length
    ? { ...base, status: 'fail', reason: problems.join('; '), fix: HARDEN }
    : { ...base, status: 'pass', reason: `${config.origins.join(', ')} may GET, HEAD, PUT and POST; ETag is exposed` };
}

function setting(
  id: 'ownership' | 'encryption' | 'versioning',
  control: string,
  title: string,
  mechanism: string,
  state: BucketState,
  value: string | null,
  want: string[],
  supported: boolean,
): AuditCheck {
  const base = { id, control, title, mechanism };
  if (!supported)
    return {
      ...base,
      status: 'unsupported',
      reason: `${NOT_SUPPORTED} (it answers the call with an error or ignores it)`,
    };
  const unreadable = unreadableCheck(base, state.unsupported[id], state.unreadable[id]);
  if (unreadable) return unreadable;
  return value && want.includes(value)
    ? { ...base, status: 'pass', reason: value }
    : {
        ...base,
        status: id === 'versioning' ? 'warn' : 'fail',
        reason: `${value ?? 'not set'}, should be ${want.join(' or ')}`,
        fix: HARDEN,
      };
}

function lifecycle(state: BucketState, config: SecurityConfig): AuditCheck {
  const base = {
    id: 'lifecycle',
    control: 'Versioning and lifecycle',
    title: 'Abort incomplete multipart uploads; expire old versions and unchecked uploads',
    mechanism: 'lifecycle',
  };
  const unreadable = unreadableCheck(base, state.unsupported.lifecycle, state.unreadable.lifecycle);
  if (unreadable) return unreadable;
  const have = new Set(state.lifecycle.map((r) => canonicalJson(canonicalRule(r))));
  const missing = lifecycleRules(config.noncurrentVersionDays).filter(
    (r) => !have.has(canonicalJson(canonicalRule(r))),
  );
  return missing.length
    ? { ...base, status: 'fail', reason: `missing or different: ${missing.map((r) => r.ID).join(', ')}`, fix: HARDEN }
    : {
        ...base,
        status: 'pass',
        reason: `every rule is in place; old versions expire after ${config.noncurrentVersionDays} day(s)`,
      };
}

const minutes = (s: number) => (s % 3600 === 0 ? `${s / 3600} h` : s % 60 === 0 ? `${s / 60} min` : `${s} s`);

function presignedLimits(state: BucketState, config: SecurityConfig, now: Date): AuditCheck {
  const base = {
    id: 'presign',
    control: 'Pre-signed URL limits',
    title: 'URL lifetimes and the signing credentials',
    mechanism: 'presigned-urls',
  };
  const longest = `the longest TTL is ${minutes(config.longestTtlSeconds)}`;
  if (!state.credentialsExpireAt) {
    return state.kind === 'aws'
      ? {
          ...base,
          status: 'warn',
          reason: `signed with long-term access keys: ${longest}, but a leaked key signs URLs until it is rotated.`,
          fix: 'Run the app on an IAM role (temporary credentials); TTLs are then capped at the session’s remaining lifetime.',
        }
      : {
          ...base,
          status: 'pass',
          reason: `signed with this store’s access keys (no expiry): every URL lives its full TTL; ${longest}.`,
        };
  }
  const left = Math.floor((state.credentialsExpireAt.getTime() - now.getTime()) / 1000);
  return {
    ...base,
    status: 'pass',
    reason: `signed with temporary credentials that expire ${formatRelative(state.credentialsExpireAt, now)}: ${left < config.longestTtlSeconds ? `URLs longer than that are capped to it, and users see the real expiry` : 'every TTL fits'}; ${longest}.`,
  };
}

function accessPoints(state: BucketState, config: SecurityConfig): AuditCheck {
  const base = {
    id: 'accessPoints',
    control: 'Access Points',
    title: 'One Access Point per use case',
    mechanism: 'access-points',
  };
  const useCases = config.useCases.filter((u) => u.accessPointVariable);
  const configured = useCases.filter((u) => u.accessPointName);
  if (!state.limits.accessPoints)
    return {
      ...base,
      status: 'unsupported',
      reason: `${NOT_SUPPORTED}: the app signs with the bucket name; on AWS, emit the policies with \`npm run s3:audit -- --emit access-points\`.`,
    };
  if (configured.length === useCases.length)
    return { ...base, status: 'pass', reason: configured.map((u) => `${u.id} → ${u.accessPointName}`).join('; ') };
  return {
    ...base,
    status: 'warn',
    reason: `${useCases
      .filter((u) => !u.accessPointName)
      .map((u) => u.id)
      .join(', ')} use${configured.length === useCases.length - 1 ? 's' : ''} the bucket name directly.`,
    fix: `Create the access points with the policies from \`npm run s3:audit -- --emit access-points\`, then set ${useCases.map((u) => u.accessPointVariable).join(', ')}.`,
  };
}

/** Every check, from the bucket's settings and the app's configuration. */
export function auditChecks(state: BucketState, config: SecurityConfig, now: Date = new Date()): AuditCheck[] {
  return [
    ...blockPublicAccess(state),
    ...bucketPolicy(state, config),
    cors(state, config),
    setting(
      'ownership',
      'Ownership and encryption',
      'ACLs disabled (BucketOwnerEnforced)',
      'ownership',
      state,
      state.ownership,
      ['BucketOwnerEnforced'],
      state.limits.ownershipControls,
    ),
    setting(
      'encryption',
      'Ownership and encryption',
      'Default encryption',
      'ownership',
      state,
      state.encryption,
      ['AES256', 'aws:kms', 'aws:kms:dsse'],
      state.limits.defaultEncryption,
    ),
    setting(
      'versioning',
      'Versioning and lifecycle',
      'Versioning (recover overwritten or deleted files)',
      'lifecycle',
      state,
      state.versioning,
      ['Enabled'],
      true,
    ),
    lifecycle(state, config),
    presignedLimits(state, config, now),
    accessPoints(state, config),
    vpcEndpoint(state, config),
  ];
}

export function summarize(checks: AuditCheck[]): Record<CheckStatus, number> {
  const count = (status: CheckStatus) => checks.filter((c) => c.status === status).length;
  return { pass: count('pass'), warn: count('warn'), fail: count('fail'), unsupported: count('unsupported') };
}
