import 'server-only';
import {
  CreateBucketCommand,
  GetBucketCorsCommand,
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
import { describeError, endpointOf, httpStatusOf, isUnsupported, storeKindOf } from '@/lib/storage/security/store';

export interface BucketHealth {
  reachable: boolean;
  error?: string;
  /** CORS must expose ETag for browser multipart uploads; null when the store would not say. */
  etagExposed: boolean | null;
}

/** A key that never exists: HeadObject on it (404) proves the bucket answers where HeadBucket is refused. */
export const PROBE_KEY = '.guestpass-health-probe';

/**
 * HeadBucket; where that is refused (a role without s3:ListBucket, or a store that does not sign
 * bucket-level requests the way the SDK does), a HeadObject of a key that does not exist: its 404
 * proves the bucket answers to these credentials just as well.
 */
async function probeBucket(client: S3Client, name: string): Promise<void> {
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

/** Whether the bucket answers (with a short timeout), plus whether the CORS rule exposes ETag. */
export async function checkBucket(client: S3Client = s3(), name: string = bucket()): Promise<BucketHealth> {
  try {
    await probeBucket(client, name);
  } catch (error) {
    return { reachable: false, error: describeError(error), etagExposed: null };
  }
  try {
    const cors = await client.send(new GetBucketCorsCommand({ Bucket: name }), {
      abortSignal: AbortSignal.timeout(3000),
    });
    const exposed = (cors.CORSRules ?? []).some((rule) => rule.ExposeHeaders?.some((h) => h.toLowerCase() === 'etag'));
    return { reachable: true, etagExposed: exposed };
  } catch (error) {
    const code = (error as { name?: string }).name;
    return { reachable: true, etagExposed: code === 'NoSuchCORSConfiguration' ? false : null };
  }
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
  let requestId: string | undefined;
  try {
    requestId = (await client.send(new HeadBucketCommand({ Bucket: name }))).$metadata.requestId;
  } catch {
    requestId = (await client.send(new CreateBucketCommand({ Bucket: name }))).$metadata.requestId;
  }
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
