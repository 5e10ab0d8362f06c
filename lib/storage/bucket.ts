import 'server-only';
import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutBucketCorsCommand,
  PutBucketLifecycleConfigurationCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { bucket, s3 } from '@/lib/storage/client';
import { corsRules } from '@/lib/storage/cors';
import { lifecycleRules } from '@/lib/storage/lifecycle';
import type { SecurityConfig } from '@/lib/storage/security/policies';
import { isNotFound } from '@/lib/storage/objects';
import { endpointOf, httpStatusOf, isUnsupported, storeKindOf } from '@/lib/storage/security/store';

/** A key that never exists: HeadObject on it (404) proves the bucket answers where HeadBucket is refused. */
export const PROBE_KEY = '.guestpass-health-probe';

/**
 * HeadBucket; where that is refused (a role without s3:ListBucket, or a store that does not sign
 * bucket-level requests the way the SDK does), a HeadObject of a key that does not exist: its 404
 * proves the bucket answers to these credentials just as well.
 */
export async function probeBucket(client: S3Client, name: string): Promise<void> {
  const timeout = { abortSignal: AbortSignal.timeout(3000) };
  try {
    await client.send(new HeadBucketCommand({ Bucket: name }), timeout);
  } catch (headBucketError) {
    if (httpStatusOf(headBucketError) !== 403) throw headBucketError;
    try {
      await client.send(new HeadObjectCommand({ Bucket: name, Key: PROBE_KEY }), timeout);
    } catch (headObjectError) {
      if (!isNotFound(headObjectError)) throw headBucketError;
    }
  }
}

/**
 * Creates the bucket (private, as S3 creates every new bucket) unless it exists; says which. Outside
 * us-east-1, AWS needs the region named as the bucket's location.
 */
export async function createBucketIfMissing(
  client: S3Client = s3(),
  name: string = bucket(),
): Promise<{ created: boolean; requestId?: string }> {
  try {
    return {
      created: false,
      requestId: (await client.send(new HeadBucketCommand({ Bucket: name }))).$metadata.requestId,
    };
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const region = await client.config.region();
  const created = await client.send(
    new CreateBucketCommand({
      Bucket: name,
      ...(region !== 'us-east-1' && !client.config.endpoint
        ? { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }
        : {}),
    }),
  );
  return { created: true, requestId: created.$metadata.requestId };
}

/**
 * Creates the bucket when missing and sets its CORS rule for the app's origin and its lifecycle
 * rules, skipping what the store does not implement. For local and test stores; a production bucket
 * is provisioned by its owner and hardened with `npm run s3:harden`.
 */
export async function ensureBucket(
  config: Pick<SecurityConfig, 'origins' | 'noncurrentVersionDays'>,
  client: S3Client = s3(),
  name: string = bucket(),
): Promise<void> {
  const { requestId } = await createBucketIfMissing(client, name);
  const kind = storeKindOf(await endpointOf(client), requestId);
  const tolerateUnsupported = async (call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      if (!isUnsupported(error, kind)) throw error;
    }
  };
  await tolerateUnsupported(() =>
    client.send(
      new PutBucketCorsCommand({ Bucket: name, CORSConfiguration: { CORSRules: corsRules(config.origins) } }),
    ),
  );
  await tolerateUnsupported(() =>
    client.send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: name,
        LifecycleConfiguration: { Rules: lifecycleRules(config.noncurrentVersionDays) },
      }),
    ),
  );
}
