import { describe, expect, it } from 'vitest';
import { corsProblems, corsRules } from '@/lib/storage/cors';
import { lifecycleRules, mergeLifecycleRules } from '@/lib/storage/lifecycle';
import { lineDiff } from '@/lib/storage/security/diff';
import { validatePolicy, type PolicyDocument } from '@/lib/storage/security/grammar';
import {
  accessPointPolicies,
  appRolePolicy,
  bucketPolicyStatements,
  mergePolicy,
  publicGrants,
  signedPrefixes,
  vpcEndpointPolicy,
} from '@/lib/storage/security/policies';
import { USE_CASES } from '@/lib/storage/security/use-cases';
import { securityConfigFixture } from '../helpers/security-config';

const config = securityConfigFixture;

const policyOf = (statements: PolicyDocument['Statement']): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: statements,
});

describe('the IAM policy grammar validator', () => {
  it('accepts a well-formed policy', () => {
    expect(
      validatePolicy(
        policyOf([
          {
            Sid: 'A',
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::123456789012:role/x' },
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::b/*',
            Condition: { 'ForAnyValue:StringLike': { 's3:prefix': ['a/*'] } },
          },
        ]),
      ),
    ).toEqual([]);
  });

  it('names each mistake', () => {
    const errors = validatePolicy({
      Version: '2008-10-17',
      Statement: [
        {
          Sid: 'has-dash',
          Effect: 'allow',
          Action: 'GetObject',
          Resource: 'bucket/*',
          Condition: { StringEqual: { 's3:x': 'y' } },
        },
        {
          Effect: 'Deny',
          Action: 's3:*',
          Resource: '*',
          NotResource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'no' } },
        },
        { Effect: 'Deny', Principal: { Someone: 'x' }, Action: 's3:*' },
      ],
    });
    const text = errors.join('\n');
    for (const expected of [
      'Version must be',
      'Sid must be letters',
      'Effect must be',
      'not an action',
      'not an ARN',
      'unknown condition operator StringEqual',
      'both Resource and NotResource',
      '"true" or "false"',
      'unknown principal type',
      'needs Resource',
    ]) {
      expect(text).toContain(expected);
    }
    expect(validatePolicy([])).toEqual(['the policy must be a JSON object']);
    expect(validatePolicy({ Version: '2012-10-17', Statement: [] })).toContain('Statement must be a non-empty list');
  });
});

describe('bucket policy generation', () => {
  it('denies non-TLS, stale signatures and pre-signed requests outside the app prefixes', () => {
    const statements = bucketPolicyStatements(config());
    expect(validatePolicy(policyOf(statements))).toEqual([]);
    const bySid = Object.fromEntries(statements.map((s) => [s.Sid, s]));
    expect(bySid.GuestpassDenyInsecureTransport.Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
    // s3:signatureAge is in milliseconds.
    expect(bySid.GuestpassDenyStaleSignatures.Condition).toEqual({
      NumericGreaterThan: { 's3:signatureAge': '86400000' },
    });
    expect(bySid.GuestpassDenyQueryAuthOutsideAppPrefixes).toMatchObject({
      Effect: 'Deny',
      NotResource: [
        'arn:aws:s3:::guestpass-prod/avatars/*',
        'arn:aws:s3:::guestpass-prod/invoices/*',
        'arn:aws:s3:::guestpass-prod/lab/*',
        'arn:aws:s3:::guestpass-prod/library/*',
      ],
      Condition: { StringEquals: { 's3:authType': 'REST-QUERY-STRING' } },
    });
    expect(statements.every((s) => s.Effect === 'Deny')).toBe(true);
    expect(bySid.GuestpassDenyOutsideVpcEndpoint).toBeUndefined();
  });

  it('leaves out the TLS deny on a plain-http store and adds the VPC endpoint restriction when configured', () => {
    const sids = bucketPolicyStatements(config({ requireTls: false, vpcEndpointId: 'vpce-0123456789abcdef0' })).map(
      (s) => s.Sid,
    );
    expect(sids).not.toContain('GuestpassDenyInsecureTransport');
    expect(sids).toContain('GuestpassDenyOutsideVpcEndpoint');
  });

  it('signs nested prefixes through their parent (avatars/quarantine/ is under avatars/)', () => {
    expect(signedPrefixes(config())).toEqual(['avatars/', 'invoices/', 'lab/', 'library/']);
  });
});

describe('merging into an existing bucket policy', () => {
  const theirs = {
    Sid: 'AllowAnalyticsRole',
    Effect: 'Allow' as const,
    Principal: { AWS: 'arn:aws:iam::123456789012:role/analytics' },
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::guestpass-prod/reports/*',
  };
  const unnamed = {
    Effect: 'Deny' as const,
    Principal: '*' as const,
    Action: 's3:DeleteBucket',
    Resource: 'arn:aws:s3:::guestpass-prod',
  };

  it('keeps every statement that is not Guestpass’s, exactly and first', () => {
    const merged = mergePolicy(policyOf([theirs, unnamed]), bucketPolicyStatements(config()));
    expect(merged.policy.Statement.slice(0, 2)).toEqual([theirs, unnamed]);
    expect(merged.kept).toEqual([theirs, unnamed]);
    expect(merged.added).toHaveLength(3);
    expect(validatePolicy(merged.policy)).toEqual([]);
  });

  it('updates its own statements, removes the ones no longer configured, and is idempotent', () => {
    const withVpce = mergePolicy(
      policyOf([theirs]),
      bucketPolicyStatements(config({ vpcEndpointId: 'vpce-0123456789abcdef0', longestTtlSeconds: 3600 })),
    ).policy;
    const again = mergePolicy(withVpce, bucketPolicyStatements(config()));
    expect(again.updated).toEqual(['GuestpassDenyStaleSignatures']);
    expect(again.removed).toEqual(['GuestpassDenyOutsideVpcEndpoint']);
    expect(again.policy.Statement[0]).toEqual(theirs);
    const third = mergePolicy(again.policy, bucketPolicyStatements(config()));
    expect([third.added, third.updated, third.removed]).toEqual([[], [], []]);
    expect(third.policy).toEqual(again.policy);
  });

  it('flags statements that grant access to everyone', () => {
    const publicRead = {
      Sid: 'PublicRead',
      Effect: 'Allow' as const,
      Principal: '*' as const,
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::guestpass-prod/*',
    };
    const awsStar = { ...publicRead, Sid: 'AwsStar', Principal: { AWS: ['*'] } };
    expect(
      publicGrants(policyOf([theirs, publicRead, awsStar, ...bucketPolicyStatements(config())])).map((s) => s.Sid),
    ).toEqual(['PublicRead', 'AwsStar']);
  });
});

describe('emitted policies', () => {
  it('the app role gets each use case’s actions on its prefix only', () => {
    const policy = appRolePolicy(config());
    expect(validatePolicy(policy)).toEqual([]);
    const invoices = policy.Statement.find((s) => s.Sid === 'InvoicesObjects');
    expect(invoices).toEqual({
      Sid: 'InvoicesObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: 'arn:aws:s3:::guestpass-prod/invoices/*',
    });
    const resources = policy.Statement.flatMap((s) => [s.Resource].flat());
    expect(resources).not.toContain('arn:aws:s3:::guestpass-prod/*');
    expect(
      policy.Statement.flatMap((s) => [s.Action].flat()).some(
        (a) => a === 's3:*' || (a?.startsWith('s3:Put') && a !== 's3:PutObject'),
      ),
    ).toBe(false);
  });

  it('one access point policy per use case, for the app role and that prefix only', () => {
    const policies = accessPointPolicies(
      config({
        useCases: USE_CASES.map((u) => ({
          ...u,
          accessPointName:
            u.id === 'invoices' ? 'arn:aws:s3:eu-west-1:123456789012:accesspoint/gp-invoices' : undefined,
        })),
      }),
    );
    expect(policies.map((p) => p.useCase)).toEqual(['avatars', 'invoices', 'library']);
    for (const { policy } of policies) expect(validatePolicy(policy)).toEqual([]);
    const invoices = policies.find((p) => p.useCase === 'invoices')!;
    expect(invoices.policy.Statement[0]).toMatchObject({
      Principal: { AWS: 'arn:aws:iam::123456789012:role/guestpass-app' },
      Resource: 'arn:aws:s3:eu-west-1:123456789012:accesspoint/gp-invoices/object/invoices/*',
    });
    expect(policies.find((p) => p.useCase === 'library')!.accessPoint).toBe(
      'arn:aws:s3:eu-west-1:123456789012:accesspoint/guestpass-library',
    );
  });

  it('the app role may also reach a use case through its configured access point', () => {
    const withAp = config({
      useCases: USE_CASES.map((u) => ({
        ...u,
        accessPointName: u.id === 'invoices' ? 'arn:aws:s3:eu-west-1:123456789012:accesspoint/gp-invoices' : undefined,
      })),
    });
    const invoices = appRolePolicy(withAp).Statement.find((s) => s.Sid === 'InvoicesObjects')!;
    expect(invoices.Resource).toEqual([
      'arn:aws:s3:::guestpass-prod/invoices/*',
      'arn:aws:s3:eu-west-1:123456789012:accesspoint/gp-invoices/object/invoices/*',
    ]);
    expect(validatePolicy(appRolePolicy(withAp))).toEqual([]);
  });

  it('the VPC endpoint policy lets only the app role reach only this bucket, with the matching bucket condition', () => {
    const { endpointPolicy, bucketPolicyStatement } = vpcEndpointPolicy(
      config({ vpcEndpointId: 'vpce-0123456789abcdef0' }),
    );
    expect(validatePolicy(endpointPolicy)).toEqual([]);
    expect(validatePolicy(policyOf([bucketPolicyStatement]))).toEqual([]);
    expect(
      endpointPolicy.Statement.every(
        (s) => JSON.stringify(s.Principal) === JSON.stringify({ AWS: 'arn:aws:iam::123456789012:role/guestpass-app' }),
      ),
    ).toBe(true);
    // Objects only under this bucket's prefixes; bucket-level actions only the listings, on this bucket.
    for (const statement of endpointPolicy.Statement) {
      const resources = [statement.Resource].flat();
      if (statement.Sid === 'AppRoleThisBucketListing') {
        expect(resources).toEqual(['arn:aws:s3:::guestpass-prod']);
        expect(statement.Action).toEqual(['s3:ListBucket', 's3:ListBucketMultipartUploads']);
      } else {
        expect(resources.every((r) => r!.startsWith('arn:aws:s3:::guestpass-prod/'))).toBe(true);
      }
    }
    expect(bucketPolicyStatement.Condition).toEqual({
      StringNotEquals: { 'aws:SourceVpce': 'vpce-0123456789abcdef0' },
    });
  });
});

describe('CORS and lifecycle', () => {
  it('CORS allows only the app origin and its methods, exposes ETag, and flags "*"', () => {
    const rules = corsRules(['https://files.example.com']);
    expect(JSON.parse(JSON.stringify(rules))).toEqual(rules);
    expect(corsProblems(rules, ['https://files.example.com'])).toEqual([]);
    expect(
      corsProblems(
        [{ ...rules[0], AllowedOrigins: ['*'], AllowedMethods: ['GET', 'DELETE'] }],
        ['https://files.example.com'],
      ).join('; '),
    ).toMatch(/every origin.*DELETE/);
    expect(corsProblems([], ['https://files.example.com'])).toHaveLength(1);
  });

  it('lifecycle aborts stale multipart uploads, expires old versions and unchecked uploads, keeping other rules', () => {
    const rules = lifecycleRules(7);
    expect(JSON.parse(JSON.stringify(rules))).toEqual(rules);
    expect(rules.find((r) => r.AbortIncompleteMultipartUpload)).toMatchObject({
      Filter: { Prefix: '' },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
    });
    expect(rules.find((r) => r.NoncurrentVersionExpiration && r.Filter?.Prefix === '')).toMatchObject({
      NoncurrentVersionExpiration: { NoncurrentDays: 7 },
      Expiration: { ExpiredObjectDeleteMarker: true },
    });
    expect(lifecycleRules(30).find((r) => r.ID?.endsWith('noncurrent-versions'))).toMatchObject({
      NoncurrentVersionExpiration: { NoncurrentDays: 30 },
    });
    expect(rules.filter((r) => r.Expiration?.Days).map((r) => [r.Filter?.Prefix, r.Expiration?.Days])).toEqual([
      ['avatars/quarantine/', 1],
      ['invoices/uploads/', 1],
      ['library/uploads/', 1],
    ]);
    const theirs = {
      ID: 'archive-reports',
      Status: 'Enabled' as const,
      Filter: { Prefix: 'reports/' },
      Expiration: { Days: 365 },
    };
    expect(mergeLifecycleRules([theirs, rules[0]], 7)).toEqual([theirs, ...rules]);
  });
});

describe('the harden diff', () => {
  it('shows removed lines before added ones and keeps the common ones', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc').map((l) => `${l.op}${l.text}`)).toEqual([' a', '-b', '+x', ' c']);
  });
});
