import 'server-only';
import { S3Client } from '@aws-sdk/client-s3';
import { env } from '@/lib/env';

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
  });
}

let shared: S3Client | undefined;

/** The app's client, configured from the environment. */
export function s3(): S3Client {
  shared ??= createS3Client({ region: env.S3_REGION, endpoint: env.S3_ENDPOINT, forcePathStyle: env.S3_FORCE_PATH_STYLE });
  return shared;
}

export function bucket(): string {
  return env.S3_BUCKET;
}
