import { describe, expect, it } from 'vitest';
import { parseEnv, TASK_VARIABLES } from '@/lib/env';

const valid = {
  DATABASE_URL: 'postgresql://app:secret@db.example.com:5432/guestpass',
  APP_URL: 'https://files.example.com/',
  AUTH_SECRET: 'x'.repeat(32),
  S3_BUCKET: 'guestpass-prod',
  S3_REGION: 'eu-west-1',
};

describe('parseEnv', () => {
  it('accepts a production configuration and fills in the TTL defaults', () => {
    const env = parseEnv(valid);
    expect(env.APP_URL).toBe('https://files.example.com');
    expect(env.S3_ENDPOINT).toBeUndefined();
    expect([
      env.TTL_UPLOAD_SECONDS,
      env.TTL_DOWNLOAD_SECONDS,
      env.TTL_INVOICE_SECONDS,
      env.TTL_SHARE_CLICK_SECONDS,
      env.TTL_HARD_CAP_SECONDS,
    ]).toEqual([300, 3600, 86400, 60, 604800]);
  });

  it('keeps single sign-on off unless configured, and refuses half a configuration or open sign-up without domains', () => {
    const off = parseEnv(valid);
    expect([off.SSO_ISSUER, off.SSO_REQUIRE_INVITE, off.SSO_ALLOWED_DOMAINS]).toEqual([undefined, false, []]);
    const sso = { SSO_ISSUER: 'https://login.example.com', SSO_CLIENT_ID: 'guestpass', SSO_CLIENT_SECRET: 's3cret' };
    expect(() => parseEnv({ ...valid, SSO_ISSUER: sso.SSO_ISSUER })).toThrow(
      /SSO_CLIENT_ID is required when SSO_ISSUER/,
    );
    expect(() => parseEnv({ ...valid, SSO_CLIENT_ID: 'guestpass' })).toThrow(/SSO_ISSUER is required/);
    expect(() => parseEnv({ ...valid, ...sso })).toThrow(/SSO_ALLOWED_DOMAINS is required when SSO creates accounts/);
    expect(parseEnv({ ...valid, ...sso, SSO_REQUIRE_INVITE: 'true' })).toMatchObject({ SSO_REQUIRE_INVITE: true });
    expect(parseEnv({ ...valid, ...sso, SSO_ALLOWED_DOMAINS: ' Example.com, @example.org' })).toMatchObject({
      SSO_ALLOWED_DOMAINS: ['example.com', 'example.org'],
      SSO_BUTTON_LABEL: 'Sign in with single sign-on',
      SSO_SCOPES: 'openid email profile',
    });
    expect(() => parseEnv({ ...valid, ...sso, SSO_ALLOWED_DOMAINS: 'not a domain' })).toThrow(
      /SSO_ALLOWED_DOMAINS.* must be a domain/,
    );
    expect(() => parseEnv({ ...valid, ...sso, SSO_REQUIRE_INVITE: 'true', SSO_SCOPES: 'email' })).toThrow(
      /SSO_SCOPES must include openid/,
    );
  });

  it('requires SMTP_URL in production, where mail cannot wait for a developer’s inbox', () => {
    expect(() => parseEnv({ ...valid, NODE_ENV: 'production' })).toThrow(/SMTP_URL is required in production/);
    const env = parseEnv({ ...valid, NODE_ENV: 'production', SMTP_URL: 'smtps://u:p@smtp.example.com' });
    expect([env.APP_NAME, env.MAIL_FROM, env.CLEANUP_SCHEDULE]).toEqual(['Guestpass', undefined, '0 * * * *']);
    expect(() => parseEnv({ ...valid, CLEANUP_SCHEDULE: 'hourly' })).toThrow(/CLEANUP_SCHEDULE must be a 5-field cron/);
  });

  it('names a missing variable', () => {
    expect(() => parseEnv({ ...valid, AUTH_SECRET: undefined })).toThrow(/AUTH_SECRET is required but not set/);
  });

  it('rejects a bad value with a readable message naming the variable', () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: 'mysql://nope' })).toThrow(
      /DATABASE_URL must be a postgresql:\/\/ connection URL/,
    );
    expect(() => parseEnv({ ...valid, S3_BUCKET: 'Not_A_Bucket' })).toThrow(/S3_BUCKET must be a valid S3 bucket name/);
    expect(() => parseEnv({ ...valid, S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT must be a URL/);
  });

  it('lists every bad variable at once', () => {
    const error = (() => {
      try {
        parseEnv({ ...valid, AUTH_SECRET: 'short', TTL_DOWNLOAD_SECONDS: 'soon' });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(error).toMatch(/AUTH_SECRET must be at least 32 characters/);
    expect(error).toMatch(/TTL_DOWNLOAD_SECONDS/);
  });

  it('keeps every TTL under the hard cap and SigV4 limit, and invoice links under 24 h', () => {
    expect(() => parseEnv({ ...valid, TTL_DOWNLOAD_SECONDS: '700000' })).toThrow(
      /TTL_DOWNLOAD_SECONDS must be at most 604800/,
    );
    expect(() => parseEnv({ ...valid, TTL_HARD_CAP_SECONDS: '600', TTL_DOWNLOAD_SECONDS: '3600' })).toThrow(
      /TTL_DOWNLOAD_SECONDS must not exceed TTL_HARD_CAP_SECONDS \(600\)/,
    );
    expect(() => parseEnv({ ...valid, TTL_INVOICE_SECONDS: '90000' })).toThrow(
      /TTL_INVOICE_SECONDS must be at most 86400/,
    );
    expect(() => parseEnv({ ...valid, TTL_UPLOAD_SECONDS: '0' })).toThrow(/TTL_UPLOAD_SECONDS must be positive/);
    expect(() => parseEnv({ ...valid, TTL_UPLOAD_SECONDS: '7200' })).toThrow(
      /TTL_UPLOAD_SECONDS must be at most 3600 \(upload forms are meant to live minutes\)/,
    );
  });

  it('trusts no proxy unless told how many there are', () => {
    expect(parseEnv(valid).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ ...valid, TRUSTED_PROXY_HOPS: '2' }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(() => parseEnv({ ...valid, TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS must be 0/);
    expect(() => parseEnv({ ...valid, TRUSTED_PROXY_HOPS: 'yes' })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ ...valid, TRUSTED_PROXY_HOPS: '1.5' })).toThrow(
      /TRUSTED_PROXY_HOPS must be a whole number/,
    );
  });
});

describe('per-task variables', () => {
  const storageOnly = { S3_BUCKET: 'guestpass-prod', S3_REGION: 'eu-west-1', APP_URL: 'https://files.example.com' };

  it('lets the bucket tasks run without the database or the session secret', () => {
    expect(parseEnv(storageOnly, 's3:audit').S3_BUCKET).toBe('guestpass-prod');
    expect(parseEnv(storageOnly, 's3:harden').S3_NONCURRENT_VERSION_DAYS).toBe(7);
    expect(() => parseEnv(storageOnly, 'server')).toThrow(/DATABASE_URL is required[\s\S]*AUTH_SECRET is required/);
  });

  it('asks a task only for what it reads, and still checks that', () => {
    expect(() => parseEnv(storageOnly, 'storage:cleanup')).toThrow(/DATABASE_URL is required but not set/);
    expect(() => parseEnv({ ...storageOnly, DATABASE_URL: valid.DATABASE_URL }, 'storage:cleanup')).not.toThrow();
    const noAppUrl = { ...storageOnly, APP_URL: undefined };
    expect(() => parseEnv(noAppUrl, 's3:audit')).toThrow(/APP_URL is required but not set/);
    expect(() => parseEnv({ ...storageOnly, S3_NONCURRENT_VERSION_DAYS: '0' }, 's3:harden')).toThrow(
      /S3_NONCURRENT_VERSION_DAYS must be positive/,
    );
  });

  it('creates the first admin with the database and APP_URL alone, and needs SMTP_URL only where mail is sent', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: valid.DATABASE_URL, APP_URL: valid.APP_URL };
    expect(parseEnv(production, 'users:create').APP_URL).toBe('https://files.example.com');
    expect(() => parseEnv({ ...storageOnly, NODE_ENV: 'production' }, 's3:audit')).not.toThrow();
    expect(() => parseEnv({ ...valid, NODE_ENV: 'production' }, 'worker')).toThrow(/SMTP_URL is required/);
  });

  it('applies the cross-variable rules inside a task', () => {
    expect(() =>
      parseEnv(
        {
          ...storageOnly,
          S3_ENDPOINT: 'http://127.0.0.1:7480',
          S3_ACCESS_POINT_INVOICES: 'gp-invoices-abc123-s3alias',
        },
        's3:audit',
      ),
    ).toThrow(/S3_ACCESS_POINT_INVOICES cannot be used with S3_ENDPOINT/);
  });

  it('gives every task a subset of the server variables', () => {
    for (const [task, names] of Object.entries(TASK_VARIABLES))
      for (const name of names) expect(TASK_VARIABLES.server, `${task}: ${name}`).toContain(name);
  });
});
