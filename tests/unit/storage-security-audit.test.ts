import { describe, expect, it } from 'vitest';
import { corsRules } from '@/lib/storage/cors';
import { lifecycleRules } from '@/lib/storage/lifecycle';
import { auditChecks, NOT_SUPPORTED } from '@/lib/storage/security/audit';
import { tlsRequirement } from '@/lib/storage/security/config';
import { planHarden } from '@/lib/storage/security/harden';
import { bucketPolicyStatements } from '@/lib/storage/security/policies';
import type { BucketState } from '@/lib/storage/security/state';
import { storeKindOf, storeLimits } from '@/lib/storage/security/store';
import { securityConfigFixture } from '../helpers/security-config';

const config = securityConfigFixture();

function state(overrides: Partial<BucketState> = {}): BucketState {
  return {
    bucket: 'guestpass-prod',
    kind: 'aws',
    limits: storeLimits('aws'),
    publicAccessBlock: null,
    policy: null,
    cors: [],
    lifecycle: [],
    versioning: null,
    ownership: null,
    encryption: null,
    credentialsExpireAt: null,
    unreadable: {},
    unsupported: {},
    ...overrides,
  };
}

const hardened = (kind: 'aws' | 'radosgw'): Partial<BucketState> => ({
  kind,
  limits: storeLimits(kind),
  publicAccessBlock: {
    BlockPublicAcls: kind === 'aws',
    IgnorePublicAcls: true,
    BlockPublicPolicy: true,
    RestrictPublicBuckets: true,
  },
  policy: { Version: '2012-10-17', Statement: bucketPolicyStatements(config) },
  cors: corsRules(config.origins),
  lifecycle: lifecycleRules(7),
  versioning: 'Enabled',
  ownership: 'BucketOwnerEnforced',
  encryption: 'AES256',
});

const byId = (checks: ReturnType<typeof auditChecks>) => Object.fromEntries(checks.map((c) => [c.id, c]));

describe('the audit', () => {
  it('fails an untouched bucket, with a fix for each failure', () => {
    const checks = auditChecks(state(), config);
    const failed = checks.filter((c) => c.status === 'fail');
    expect(failed.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'bpa.BlockPublicAcls',
        'bpa.BlockPublicPolicy',
        'policy.GuestpassDenyStaleSignatures',
        'cors',
        'lifecycle',
        'ownership',
      ]),
    );
    expect(failed.every((c) => c.fix)).toBe(true);
  });

  it('passes a hardened AWS bucket, and names the account-level command', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const checks = byId(
      auditChecks(state({ ...hardened('aws'), credentialsExpireAt: new Date('2026-11-28T13:00:00Z') }), config, now),
    );
    for (const id of [
      'bpa.BlockPublicAcls',
      'bpa.RestrictPublicBuckets',
      'policy.GuestpassDenyInsecureTransport',
      'policy.GuestpassDenyQueryAuthOutsideAppPrefixes',
      'policy.publicPrincipals',
      'cors',
      'ownership',
      'encryption',
      'versioning',
      'lifecycle',
      'presign',
    ]) {
      expect(checks[id].status, id).toBe('pass');
    }
    expect(checks['bpa.BlockPublicPolicy'].reason).toContain('aws s3control put-public-access-block');
    expect(checks.presign.reason).toMatch(/expire in 1 hour: URLs longer than that are capped/);
  });

  it('on radosgw, says what the store does not support (neutral, neither warn nor fail) instead of passing it', () => {
    const checks = byId(
      auditChecks(state(hardened('radosgw')), {
        ...config,
        requireTls: false,
        tlsReason: 'the endpoint is plain http',
      }),
    );
    for (const id of [
      'bpa.BlockPublicAcls',
      'bpa.RestrictPublicBuckets',
      'policy.GuestpassDenyStaleSignatures',
      'policy.GuestpassDenyInsecureTransport',
      'ownership',
      'encryption',
      'accessPoints',
      'vpce',
    ]) {
      expect(checks[id].status, id).toBe('unsupported');
      expect(checks[id].reason, id).toContain(NOT_SUPPORTED);
    }
    expect(checks['bpa.BlockPublicPolicy'].status).toBe('pass');
  });

  it('a setting the store answers NotImplemented for is "not supported by this store", never a failure; an unreadable one still fails', () => {
    const notImplemented =
      'NotImplemented (HTTP 501): A parameter you provided implies functionality that is not implemented';
    const emulator = state({
      ...hardened('aws'),
      kind: 'other',
      limits: storeLimits('other'),
      unsupported: {
        publicAccessBlock: notImplemented,
        policy: notImplemented,
        lifecycle: notImplemented,
        versioning: notImplemented,
        ownership: notImplemented,
        encryption: notImplemented,
      },
    });
    const checks = auditChecks(emulator, config);
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
    for (const id of ['bpa.BlockPublicAcls', 'policy.read', 'lifecycle', 'versioning', 'ownership', 'encryption']) {
      expect(byId(checks)[id]).toMatchObject({
        status: 'unsupported',
        reason: `${NOT_SUPPORTED}: it answers ${notImplemented}`,
      });
    }
    const denied = byId(
      auditChecks(state({ ...hardened('aws'), unreadable: { policy: 'AccessDenied (HTTP 403)' } }), config),
    );
    expect(denied['policy.read']).toMatchObject({ status: 'fail', reason: 'could not read: AccessDenied (HTTP 403)' });
  });

  it('flags a public grant and a CORS rule open to every origin', () => {
    const publicRead = {
      Sid: 'PublicRead',
      Effect: 'Allow' as const,
      Principal: '*' as const,
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::guestpass-prod/*',
    };
    const checks = byId(
      auditChecks(
        state({
          ...hardened('aws'),
          policy: { Version: '2012-10-17', Statement: [publicRead, ...bucketPolicyStatements(config)] },
          cors: [{ ...corsRules([])[0], AllowedOrigins: ['*'] }],
        }),
        config,
      ),
    );
    expect(checks['policy.publicPrincipals']).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('PublicRead'),
    });
    expect(checks.cors).toMatchObject({ status: 'fail', reason: expect.stringContaining('every origin') });
  });

  it('warns about long-term keys on AWS', () => {
    expect(byId(auditChecks(state(hardened('aws')), config)).presign).toMatchObject({
      status: 'warn',
      reason: expect.stringContaining('long-term access keys'),
    });
  });
});

describe('the harden plan', () => {
  it('changes everything on an untouched bucket, and nothing on a hardened one', () => {
    expect(
      planHarden(state(), config)
        .filter((c) => c.changed)
        .map((c) => c.id),
    ).toEqual(['policy', 'publicAccessBlock', 'cors', 'lifecycle', 'versioning', 'ownership', 'encryption']);
    expect(planHarden(state(hardened('aws')), config).filter((c) => c.changed)).toEqual([]);
  });

  it('never turns on BlockPublicAcls where it would refuse every upload, and skips what the store lacks', () => {
    const plan = planHarden(state({ kind: 'radosgw', limits: storeLimits('radosgw') }), config);
    expect(
      plan
        .find((c) => c.id === 'publicAccessBlock')!
        .diff.filter((l) => l.op === '+')
        .map((l) => l.text.trim()),
    ).not.toContain('"BlockPublicAcls": true,');
    expect(plan.filter((c) => c.unsupported).map((c) => c.id)).toEqual(['ownership', 'encryption']);
  });
});

describe('store detection', () => {
  it('tells AWS, radosgw and other stores apart', () => {
    expect(storeKindOf(undefined, undefined)).toBe('aws');
    expect(storeKindOf('https://s3.eu-west-1.amazonaws.com', 'ABC')).toBe('aws');
    expect(storeKindOf('http://127.0.0.1:7480', 'tx00000991e5922ca6515b8-006b0add4f-1010-default')).toBe('radosgw');
    expect(storeKindOf('http://127.0.0.1:9000', '17B2C8F0A1')).toBe('other');
  });
});

describe('the TLS requirement', () => {
  it('denies plain http on AWS and https endpoints, and explains why not on a plain-http store', () => {
    expect(tlsRequirement('auto', undefined).required).toBe(true);
    expect(tlsRequirement('auto', 'https://s3.example.com').required).toBe(true);
    expect(tlsRequirement('auto', 'http://127.0.0.1:7480')).toMatchObject({
      required: false,
      reason: expect.stringContaining('plain http'),
    });
    expect(tlsRequirement('true', 'http://127.0.0.1:7480').required).toBe(true);
    expect(tlsRequirement('false', undefined).required).toBe(false);
  });
});
