import 'server-only';
import { S3Client } from '@aws-sdk/client-s3';
import { env } from '@/lib/env';
import { findUseCase, USE_CASES, type UseCaseId } from '@/lib/storage/security/use-cases';

export interface S3Target {
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
}

/**
 * The one place an S3 client is configured. Credentials come from the AWS SDK's default provider
 * chain (environment, shared config, web identity, container or instance role), never from code.
 */
export function createS3Client(target: S3Target): S3Client {
  return new S3Client({
    region: target.region,
    endpoint: target.endpoint,
    forcePathStyle: target.forcePathStyle ?? Boolean(target.endpoint),
    // Without these, pre-signed PUT URLs carry the CRC32 of an empty body (AWS rejects the upload)
    // and S3-compatible servers that do not speak the new checksum headers refuse streamed bodies.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A store that hangs must not hang the request that called it: the user gets an answer ("storage
    // is not answering") in bounded time, at most maxAttempts × (connect + idle timeout).
    requestHandler: { connectionTimeout: env.S3_CONNECT_TIMEOUT_MS, socketTimeout: env.S3_IDLE_TIMEOUT_MS },
    maxAttempts: 2,
  });
}

let shared: S3Client | undefined;

/** The app's client, configured from the environment. */
export function s3(): S3Client {
  shared ??= createS3Client({
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  });
  return shared;
}

export function bucket(): string {
  return env.S3_BUCKET;
}

/** The Access Point configured for a use case (ARN or alias), if any. */
export function accessPointFor(useCase: UseCaseId): string | undefined {
  const variable = USE_CASES.find((u) => u.id === useCase)?.accessPointVariable;
  return variable && env[variable];
}

/**
 * What to pass as `Bucket` for an object key: the Access Point of the key's use case when one is
 * configured (the SDK then addresses the access point's own host), else the bucket.
 */
export function bucketForKey(key: string): string {
  const useCase = findUseCase(key);
  return (useCase && accessPointFor(useCase.id)) ?? bucket();
}

/**
 * When the credentials that sign URLs stop working: role sessions and other temporary credentials
 * carry an expiration; long-term access keys do not (undefined).
 */
export async function signingCredentialsExpiry(client: S3Client = s3()): Promise<Date | undefined> {
  const credentials = await client.config.credentials();
  return credentials.expiration;
}
