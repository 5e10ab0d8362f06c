import type { SecurityConfig } from '@/lib/storage/security/policies';
import { USE_CASES } from '@/lib/storage/security/use-cases';

/** A production-like access-control configuration for unit tests of policies and the audit. */
export const securityConfigFixture = (overrides: Partial<SecurityConfig> = {}): SecurityConfig => ({
  bucket: 'guestpass-prod',
  region: 'eu-west-1',
  origins: ['https://files.example.com'],
  requireTls: true,
  tlsReason: 'AWS S3 is reached over https',
  appRoleArn: 'arn:aws:iam::123456789012:role/guestpass-app',
  appRoleConfigured: true,
  longestTtlSeconds: 86_400,
  noncurrentVersionDays: 7,
  useCases: USE_CASES.map((u) => ({ ...u })),
  ...overrides,
});
