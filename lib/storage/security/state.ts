import 'server-only';
import {
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  type CORSRule,
  type LifecycleRule,
  type PublicAccessBlockConfiguration,
  type S3Client,
} from '@aws-sdk/client-s3';
import { signingCredentialsExpiry } from '@/lib/storage/client';
import type { PolicyDocument } from '@/lib/storage/security/grammar';
import {
  describeError,
  endpointOf,
  isAbsent,
  isUnsupported,
  storeKindOf,
  storeLimits,
  type StoreKind,
  type StoreLimits,
} from '@/lib/storage/security/store';

type SettingName = 'publicAccessBlock' | 'policy' | 'cors' | 'lifecycle' | 'versioning' | 'ownership' | 'encryption';

/**
 * The bucket's access-control settings as read from the store. A setting the store does not
 * implement has an entry in `unsupported`; one that could not be read for another reason, in `unreadable`.
 */
export interface BucketState {
  bucket: string;
  kind: StoreKind;
  limits: StoreLimits;
  publicAccessBlock: PublicAccessBlockConfiguration | null;
  policy: PolicyDocument | null;
  cors: CORSRule[];
  lifecycle: LifecycleRule[];
  versioning: string | null;
  ownership: string | null;
  encryption: string | null;
  credentialsExpireAt: Date | null;
  unreadable: Partial<Record<SettingName, string>>;
  unsupported: Partial<Record<SettingName, string>>;
}

export async function readBucketState(client: S3Client, bucket: string): Promise<BucketState> {
  const failures: Partial<Record<SettingName, unknown>> = {};
  let requestId: string | undefined;
  async function read<T extends { $metadata: { requestId?: string } }>(
    name: SettingName,
    call: () => Promise<T>,
  ): Promise<T | null> {
    try {
      const result = await call();
      requestId ??= result.$metadata.requestId;
      return result;
    } catch (error) {
      if (!isAbsent(error)) failures[name] = error;
      return null;
    }
  }
  const timeout = { abortSignal: AbortSignal.timeout(10_000) };
  const [pab, policy, cors, lifecycle, versioning, ownership, encryption] = await Promise.all([
    read('publicAccessBlock', () => client.send(new GetPublicAccessBlockCommand({ Bucket: bucket }), timeout)),
    read('policy', () => client.send(new GetBucketPolicyCommand({ Bucket: bucket }), timeout)),
    read('cors', () => client.send(new GetBucketCorsCommand({ Bucket: bucket }), timeout)),
    read('lifecycle', () => client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }), timeout)),
    read('versioning', () => client.send(new GetBucketVersioningCommand({ Bucket: bucket }), timeout)),
    read('ownership', () => client.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket }), timeout)),
    read('encryption', () => client.send(new GetBucketEncryptionCommand({ Bucket: bucket }), timeout)),
  ]);
  const kind = storeKindOf(await endpointOf(client), requestId);
  const unreadable: BucketState['unreadable'] = {};
  const unsupported: BucketState['unsupported'] = {};
  for (const [name, error] of Object.entries(failures) as [SettingName, unknown][])
    (isUnsupported(error, kind) ? unsupported : unreadable)[name] = describeError(error);
  return {
    bucket,
    kind,
    limits: storeLimits(kind),
    publicAccessBlock: pab?.PublicAccessBlockConfiguration ?? null,
    policy: policy?.Policy ? (JSON.parse(policy.Policy) as PolicyDocument) : null,
    cors: cors?.CORSRules ?? [],
    lifecycle: lifecycle?.Rules ?? [],
    versioning: versioning?.Status ?? null,
    ownership: ownership?.OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? null,
    encryption:
      encryption?.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ??
      null,
    credentialsExpireAt: (await signingCredentialsExpiry(client)) ?? null,
    unreadable,
    unsupported,
  };
}
