import { vi } from 'vitest';

/**
 * For unit tests of lib/storage under one configuration: lib/env and the S3 client are created once
 * per module instance, so this resets the modules and stubs a complete production-like environment
 * (AWS, bucket guestpass-prod in eu-west-1, static keys), overridden by `env`. Credentials come from
 * the SDK's own environment provider; nothing is mocked. Undo with vi.unstubAllEnvs().
 */
export function stubStorageEnv(env: Record<string, string>): void {
  vi.resetModules();
  for (const [k, v] of Object.entries({
    DATABASE_URL: 'postgresql://localhost/app',
    APP_URL: 'https://files.example.com',
    AUTH_SECRET: 'x'.repeat(32),
    S3_BUCKET: 'guestpass-prod',
    S3_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE000000000',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    ...env,
  }))
    vi.stubEnv(k, v);
}
