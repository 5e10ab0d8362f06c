import { PROBE_KEY } from '@/lib/storage/bucket';
import { ACCESS_POINT_ARN } from '@/lib/env';
import { canonicalJson } from '@/lib/storage/security/diff';
import type { PolicyDocument, PolicyStatement } from '@/lib/storage/security/grammar';
import type { UseCase } from '@/lib/storage/security/use-cases';

/** Everything the generated policies depend on (lib/storage/security/config.ts reads it from the environment). */
export interface SecurityConfig {
  bucket: string;
  region: string;
  endpoint?: string;
  /** Browser origins allowed by CORS: the app's own. */
  origins: string[];
  requireTls: boolean;
  tlsReason: string;
  vpcEndpointId?: string;
  appRoleArn: string;
  appRoleConfigured: boolean;
  /** Pre-signed signatures older than this are denied by the bucket policy. */
  longestTtlSeconds: number;
  /** Days a deleted or replaced object's old version is kept (lifecycle). */
  noncurrentVersionDays: number;
  useCases: (UseCase & { accessPointName?: string })[];
}

/** Statements Guestpass manages carry this Sid prefix; merge replaces only those. */
export const MANAGED_SID_PREFIX = 'Guestpass';

export const SID = {
  denyInsecureTransport: 'GuestpassDenyInsecureTransport',
  denyStaleSignatures: 'GuestpassDenyStaleSignatures',
  denyQueryAuthOutsidePrefixes: 'GuestpassDenyQueryAuthOutsideAppPrefixes',
  denyOutsideVpcEndpoint: 'GuestpassDenyOutsideVpcEndpoint',
} as const;

const bucketArn = (c: SecurityConfig) => `arn:aws:s3:::${c.bucket}`;
const prefixArn = (c: SecurityConfig, prefix: string) => `${bucketArn(c)}/${prefix}*`;
const wholeBucket = (c: SecurityConfig) => [bucketArn(c), `${bucketArn(c)}/*`];

/** The prefixes the app signs URLs for (nested prefixes such as avatars/quarantine/ are covered by their parent). */
export function signedPrefixes(c: SecurityConfig): string[] {
  const prefixes = [...new Set(c.useCases.map((u) => u.prefix))].sort();
  return prefixes.filter((p) => !prefixes.some((other) => other !== p && p.startsWith(other)));
}

/** The statements Guestpass wants in the bucket policy, from its configuration. */
export function bucketPolicyStatements(c: SecurityConfig): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  if (c.requireTls) {
    statements.push({
      Sid: SID.denyInsecureTransport,
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: wholeBucket(c),
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  }
  statements.push(
    {
      // s3:signatureAge is in milliseconds; no URL the app issues may be older than its longest TTL.
      Sid: SID.denyStaleSignatures,
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: wholeBucket(c),
      Condition: { NumericGreaterThan: { 's3:signatureAge': String(c.longestTtlSeconds * 1000) } },
    },
    {
      // A pre-signed URL (query-string auth) for anything outside the app's prefixes was not issued by the app.
      Sid: SID.denyQueryAuthOutsidePrefixes,
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      NotResource: signedPrefixes(c).map((p) => prefixArn(c, p)),
      Condition: { StringEquals: { 's3:authType': 'REST-QUERY-STRING' } },
    },
  );
  if (c.vpcEndpointId) {
    statements.push({
      Sid: SID.denyOutsideVpcEndpoint,
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: wholeBucket(c),
      Condition: { StringNotEquals: { 'aws:SourceVpce': c.vpcEndpointId } },
    });
  }
  return statements;
}

const isManaged = (s: PolicyStatement) => s.Sid?.startsWith(MANAGED_SID_PREFIX) ?? false;

export interface PolicyMerge {
  policy: PolicyDocument;
  /** Statements that were already there and are not Guestpass's: kept as they are. */
  kept: PolicyStatement[];
  added: string[];
  updated: string[];
  /** Guestpass statements no longer wanted by the configuration (e.g. the VPC endpoint was unset). */
  removed: string[];
}

/**
 * Merges the generated statements into the bucket's existing policy: statements that are not
 * Guestpass's stay exactly as they were (and first); Guestpass's own are added or brought up to date.
 */
export function mergePolicy(existing: PolicyDocument | null, generated: PolicyStatement[]): PolicyMerge {
  const current = existing?.Statement ?? [];
  const kept = current.filter((s) => !isManaged(s));
  const before = new Map(current.filter(isManaged).map((s) => [s.Sid!, s]));
  const wanted = new Set(generated.map((s) => s.Sid!));
  return {
    policy: { Version: '2012-10-17', ...(existing?.Id ? { Id: existing.Id } : {}), Statement: [...kept, ...generated] },
    kept,
    added: generated.filter((s) => !before.has(s.Sid!)).map((s) => s.Sid!),
    updated: generated.filter((s) => before.has(s.Sid!) && !sameStatement(before.get(s.Sid!)!, s)).map((s) => s.Sid!),
    removed: [...before.keys()].filter((sid) => !wanted.has(sid)),
  };
}

/** A statement in a canonical form ("s3:GetObject" and ["s3:GetObject"] mean the same), so equal meanings compare equal. */
export function canonicalStatement(s: PolicyStatement): string {
  const asLists = (v: unknown): unknown =>
    typeof v === 'string'
      ? [v]
      : v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asLists(x)]))
        : v;
  const { Sid, Effect, Principal, ...rest } = s;
  return canonicalJson({
    Sid,
    Effect,
    Principal: Principal === '*' ? '*' : asLists(Principal),
    ...(asLists(rest) as object),
  });
}

export function sameStatement(a: PolicyStatement, b: PolicyStatement): boolean {
  return canonicalStatement(a) === canonicalStatement(b);
}

/** Allow statements that grant something to everyone ("*"), with or without conditions. */
export function publicGrants(policy: PolicyDocument | null): PolicyStatement[] {
  return (policy?.Statement ?? []).filter((s) => {
    if (s.Effect !== 'Allow') return false;
    if (s.Principal === '*') return true;
    const aws = s.Principal?.AWS;
    return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
  });
}

const objectActionsFor = (u: UseCase) => u.actions;

/** Where a use case's objects are reached: its prefix in the bucket, and through its access point when one is configured. */
function objectResources(c: SecurityConfig, u: SecurityConfig['useCases'][number]): string | string[] {
  if (!u.accessPointName) return prefixArn(c, u.prefix);
  return [prefixArn(c, u.prefix), `${accessPointIdentity(c, u).arn}/object/${u.prefix}*`];
}

/** Bucket-level reads the app needs: HeadBucket and the cleanup tasks' listings. */
const BUCKET_LISTING_ACTIONS = ['s3:ListBucket', 's3:ListBucketMultipartUploads'] as const;

/** The app role's least-privilege IAM policy: each use case's actions on its prefix only, plus read-only audit. */
export function appRolePolicy(c: SecurityConfig): PolicyDocument {
  const sid = (id: string) => id[0].toUpperCase() + id.slice(1);
  return {
    Version: '2012-10-17',
    Statement: [
      ...c.useCases.map((u): PolicyStatement => ({
        Sid: `${sid(u.id)}Objects`,
        Effect: 'Allow',
        Action: objectActionsFor(u),
        Resource: objectResources(c, u),
      })),
      // lib/storage/bucket.ts probeBucket: a HeadObject of this one key (404) proves the bucket answers.
      { Sid: 'HealthProbe', Effect: 'Allow', Action: 's3:GetObject', Resource: `${bucketArn(c)}/${PROBE_KEY}` },
      {
        // HeadBucket (the health check) and the cleanup tasks' listings of stale quarantine objects
        // and abandoned multipart uploads. Without s3:ListBucket, S3 also answers 403 instead of 404
        // for a missing key. Keys hold server-made ids only, never names, so listing reveals little.
        Sid: 'BucketListing',
        Effect: 'Allow',
        Action: [...BUCKET_LISTING_ACTIONS],
        Resource: bucketArn(c),
      },
      {
        // /admin/storage reads the bucket's settings; changing them (npm run s3:harden) needs an operator's credentials.
        Sid: 'AuditReadBucketSettings',
        Effect: 'Allow',
        Action: [
          's3:GetBucketPolicy',
          's3:GetBucketPolicyStatus',
          's3:GetBucketPublicAccessBlock',
          's3:GetBucketCORS',
          's3:GetLifecycleConfiguration',
          's3:GetEncryptionConfiguration',
          's3:GetBucketVersioning',
          's3:GetBucketOwnershipControls',
        ],
        Resource: bucketArn(c),
      },
    ],
  };
}

/** Region, account and name of an access point: from its ARN, or assumed (the app role's account, guestpass-<use case>) when only an alias or nothing is set. */
export function accessPointIdentity(c: SecurityConfig, u: SecurityConfig['useCases'][number]) {
  const arn = u.accessPointName ? ACCESS_POINT_ARN.exec(u.accessPointName) : null;
  const account = arn?.[2] ?? /::(\d{12}):/.exec(c.appRoleArn)![1];
  const name = arn?.[3] ?? `guestpass-${u.id.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`;
  return {
    region: arn?.[1] ?? c.region,
    account,
    name,
    arn: `arn:aws:s3:${arn?.[1] ?? c.region}:${account}:accesspoint/${name}`,
  };
}

/** One access point policy per use case: the app role may use only that use case's prefix and actions. */
export function accessPointPolicies(
  c: SecurityConfig,
): { useCase: string; accessPoint: string; policy: PolicyDocument }[] {
  return c.useCases
    .filter((u) => u.accessPointVariable)
    .map((u) => {
      const ap = accessPointIdentity(c, u);
      return {
        useCase: u.id,
        accessPoint: ap.arn,
        policy: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'AppRoleOwnPrefixOnly',
              Effect: 'Allow',
              Principal: { AWS: c.appRoleArn },
              Action: objectActionsFor(u),
              Resource: `${ap.arn}/object/${u.prefix}*`,
            },
          ],
        },
      };
    });
}

/** The VPC endpoint policy (only the app role, only this bucket's prefixes) and the bucket-policy statement that pairs with it. */
export function vpcEndpointPolicy(c: SecurityConfig): {
  endpointPolicy: PolicyDocument;
  bucketPolicyStatement: PolicyStatement;
} {
  return {
    endpointPolicy: {
      Version: '2012-10-17',
      Statement: [
        ...c.useCases.map((u, i): PolicyStatement => ({
          Sid: `AppRoleThisBucketOnly${i + 1}`,
          Effect: 'Allow',
          Principal: { AWS: c.appRoleArn },
          Action: objectActionsFor(u),
          Resource: objectResources(c, u),
        })),
        {
          Sid: 'AppRoleThisBucketListing',
          Effect: 'Allow',
          Principal: { AWS: c.appRoleArn },
          Action: [...BUCKET_LISTING_ACTIONS],
          Resource: bucketArn(c),
        },
      ],
    },
    bucketPolicyStatement: {
      Sid: SID.denyOutsideVpcEndpoint,
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: wholeBucket(c),
      Condition: { StringNotEquals: { 'aws:SourceVpce': c.vpcEndpointId ?? 'vpce-0123456789abcdef0' } },
    },
  };
}
