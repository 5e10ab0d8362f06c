import type { S3Client } from '@aws-sdk/client-s3';

/**
 * Which kind of S3 server answers: AWS S3, Ceph radosgw, the local emulator (s3rver) that `npm run
 * dev` and `npm test` start when radosgw is not installed, or another S3-compatible store.
 */
export type StoreKind = 'aws' | 'radosgw' | 'emulator' | 'other';

/**
 * The kind, from the endpoint and, for radosgw, from the shape of its request ids (tx<21 hex>-<10
 * hex>-<zone>). The emulator cannot be told apart by its answers: only the scripts that start it
 * know, so here it is 'other' (with the same limits).
 */
export function storeKindOf(
  endpoint: string | undefined,
  requestId: string | undefined,
): Exclude<StoreKind, 'emulator'> {
  if (!endpoint || /\.amazonaws\.com(\.cn)?(:\d+)?\/?$/.test(new URL(endpoint).host)) return 'aws';
  if (requestId && /^tx[0-9a-f]{21}-[0-9a-f]{8,}-/.test(requestId)) return 'radosgw';
  return 'other';
}

export function endpointOf(client: S3Client): Promise<string | undefined> {
  const endpoint = client.config.endpoint;
  return endpoint
    ? endpoint().then((e) => `${e.protocol}//${e.hostname}${e.port ? `:${e.port}` : ''}`)
    : Promise.resolve(undefined);
}

/**
 * What a store cannot do, found by real calls on these machines (radosgw 16.2, see the lab):
 * each entry is shown as "not supported by this store" rather than as a pass or a failure.
 */
export interface StoreLimits {
  /** Setting it makes the store refuse every upload, not only public-ACL ones. */
  blockPublicAclsBreaksUploads: boolean;
  restrictPublicBucketsEnforced: boolean;
  /** Policy condition keys the store accepts but never evaluates (the statement never matches). */
  unevaluatedConditionKeys: string[];
  accessPoints: boolean;
  /** PutBucketOwnershipControls (BucketOwnerEnforced: ACLs disabled). */
  ownershipControls: boolean;
  /** PutBucketEncryption with SSE-S3. */
  defaultEncryption: boolean;
}

export function storeLimits(kind: StoreKind): StoreLimits {
  if (kind === 'radosgw') {
    return {
      blockPublicAclsBreaksUploads: true,
      restrictPublicBucketsEnforced: false,
      unevaluatedConditionKeys: ['aws:SecureTransport', 's3:signatureAge', 's3:authType', 'aws:SourceVpce'],
      accessPoints: false,
      ownershipControls: false,
      defaultEncryption: false,
    };
  }
  return {
    blockPublicAclsBreaksUploads: false,
    restrictPublicBucketsEnforced: true,
    unevaluatedConditionKeys: [],
    accessPoints: kind === 'aws',
    ownershipControls: true,
    defaultEncryption: true,
  };
}

interface S3Error {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** The HTTP status S3 answered an SDK call with; undefined when the request got no answer (network, timeout). */
export function httpStatusOf(error: unknown): number | undefined {
  return (error as S3Error | null | undefined)?.$metadata?.httpStatusCode;
}

/** What the user reads when S3 did not answer at all: nothing was changed, and trying later is the remedy. */
export const STORE_UNREACHABLE_MESSAGE = 'The file storage is not answering right now. Try again in a minute.';

/**
 * True when S3 gave no answer: the connection was refused or cut, or it stayed silent past the
 * client's timeouts (lib/storage/client.ts), or it answered 503 Slow Down after the retries.
 */
export function isStoreUnreachable(error: unknown): boolean {
  const e = error as S3Error & { code?: string };
  if (httpStatusOf(error) === 503) return true;
  if (httpStatusOf(error) !== undefined) return false;
  return (
    e?.name === 'TimeoutError' ||
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(e?.code ?? '')
  );
}

/** True when an error means "this store does not implement that call" rather than a real refusal. */
export function isUnsupported(error: unknown, kind: StoreKind): boolean {
  const e = error as S3Error;
  const status = httpStatusOf(error);
  if (e.name === 'NotImplemented' || status === 501 || status === 405) return true;
  // radosgw answers InvalidArgument to configurations it does not know (ownership controls, SSE-S3 without a key store).
  return kind !== 'aws' && e.name === 'InvalidArgument';
}

/** "NoSuchX" answers: the setting is simply not there. */
export function isAbsent(error: unknown): boolean {
  const e = error as S3Error;
  return /^NoSuch|NotFound/.test(e.name ?? '') && e.name !== 'NoSuchBucket';
}

export function describeError(error: unknown): string {
  const e = error as S3Error;
  const status = httpStatusOf(error) ? ` (HTTP ${httpStatusOf(error)})` : '';
  return `${e.name ?? 'Error'}${status}${e.message && e.message !== e.name && e.message !== 'UnknownError' ? `: ${e.message}` : ''}`;
}
