import 'server-only';
import { env } from '@/lib/env';
import { accessPointFor } from '@/lib/storage/client';
import type { SecurityConfig } from '@/lib/storage/security/policies';
import { USE_CASES } from '@/lib/storage/security/use-cases';
import { longestTtlSeconds } from '@/lib/storage/ttl';

/** AWS's documentation account: emitted policies use it until S3_APP_ROLE_ARN names the real role. */
export const EXAMPLE_ROLE_ARN = 'arn:aws:iam::111122223333:role/guestpass-app';

/** Whether the bucket policy should deny plain-http requests, and why. */
export function tlsRequirement(
  setting: 'auto' | 'true' | 'false',
  endpoint: string | undefined,
): { required: boolean; reason: string } {
  if (setting === 'true') return { required: true, reason: 'S3_REQUIRE_TLS=true' };
  if (setting === 'false') return { required: false, reason: 'S3_REQUIRE_TLS=false' };
  if (!endpoint) return { required: true, reason: 'AWS S3 is reached over https' };
  return endpoint.startsWith('https:')
    ? { required: true, reason: `the endpoint ${endpoint} is https` }
    : {
        required: false,
        reason: `the endpoint ${endpoint} is plain http, so denying non-TLS requests would deny every request (set S3_REQUIRE_TLS=true once it is served over https)`,
      };
}

/** The app's access-control configuration, read from the environment. */
export function securityConfig(bucketName: string = env.S3_BUCKET): SecurityConfig {
  const tls = tlsRequirement(env.S3_REQUIRE_TLS, env.S3_ENDPOINT);
  return {
    bucket: bucketName,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    origins: [...new Set([env.APP_URL, ...env.S3_CORS_ORIGINS])],
    requireTls: tls.required,
    tlsReason: tls.reason,
    vpcEndpointId: env.S3_VPC_ENDPOINT_ID,
    appRoleArn: env.S3_APP_ROLE_ARN ?? EXAMPLE_ROLE_ARN,
    appRoleConfigured: Boolean(env.S3_APP_ROLE_ARN),
    longestTtlSeconds: longestTtlSeconds(),
    noncurrentVersionDays: env.S3_NONCURRENT_VERSION_DAYS,
    useCases: USE_CASES.map((u) => ({ ...u, accessPointName: accessPointFor(u.id) })),
  };
}
