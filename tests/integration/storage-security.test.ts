import { randomBytes } from 'node:crypto';
import {
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  GetBucketPolicyCommand,
  ListObjectVersionsCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { needs } from '../helpers/store';

// Hardening changes bucket-wide settings, and this suite shares its store with other test files and
// e2e: it hardens a bucket of its own (S3_BUCKET pointed at it for this file's modules) and removes it.
const name = `guestpass-harden-${randomBytes(4).toString('hex')}`;
const appOrigin = process.env.APP_URL ?? 'http://127.0.0.1:3000';

async function modules() {
  vi.resetModules();
  vi.stubEnv('S3_BUCKET', name);
  return {
    bucket: await import('@/lib/storage/bucket'),
    client: await import('@/lib/storage/client'),
    presign: await import('@/lib/storage/presign'),
    security: await import('@/lib/storage/security'),
    audit: await import('@/lib/storage/security/audit'),
    lab: await import('@/lib/storage/security/lab'),
    config: await import('@/lib/storage/security/config'),
    state: await import('@/lib/storage/security/state'),
  };
}

let m: Awaited<ReturnType<typeof modules>>;
const THEIRS = {
  Sid: 'OperatorsKeepDeleteBucket',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:DeleteBucket',
  Resource: `arn:aws:s3:::${name}`,
  Condition: { StringNotEquals: { 'aws:username': 'operator' } },
};

const harden = needs('bucket policy', 'Block Public Access');
describe.skipIf(harden.skip)(harden.title('s3:harden then s3:audit on a bucket of its own'), () => {
  beforeAll(async () => {
    m = await modules();
    await m.bucket.ensureBucket(m.config.securityConfig());
    // A statement someone else wrote: harden must keep it.
    await m.client.s3().send(
      new PutBucketPolicyCommand({
        Bucket: name,
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: [THEIRS] }),
      }),
    );
  });

  afterAll(async () => {
    if (!m) return;
    const s3 = m.client.s3();
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: name })).catch(() => undefined);
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: name }));
    for (const v of [...(versions.Versions ?? []), ...(versions.DeleteMarkers ?? [])])
      await s3.send(new DeleteObjectCommand({ Bucket: name, Key: v.Key!, VersionId: v.VersionId }));
    await s3.send(new DeleteBucketCommand({ Bucket: name }));
    vi.unstubAllEnvs();
  });

  it('ensureBucket already set CORS and lifecycle; the audit fails Block Public Access before hardening', async () => {
    const { checks } = await m.security.auditBucket();
    const status = (id: string) => checks.find((c) => c.id === id)?.status;
    expect(status('cors')).toBe('pass');
    expect(status('lifecycle')).toBe('pass');
    expect(status('bpa.BlockPublicPolicy')).toBe('fail');
  });

  it('the lab puts the previous policy back even when the answer to its public-policy attempt is lost', async () => {
    // Before hardening BlockPublicPolicy is off, so the store accepts the policy; the lab is told it is on,
    // and the answer is lost on the way back (the policy applied, the client sees a failure).
    const s3 = m.client.s3();
    const before = await s3.send(new GetBucketPolicyCommand({ Bucket: name }));
    const loseAnswer = 'lose-put-bucket-policy-answer';
    s3.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (
          context.commandName === 'PutBucketPolicyCommand' &&
          String((args.input as { Policy?: string }).Policy).includes('GuestpassLabPublicRead')
        )
          throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
        return result;
      },
      { step: 'deserialize', name: loseAnswer },
    );
    try {
      const state = await m.state.readBucketState(s3, name);
      const onState = { ...state, publicAccessBlock: { ...state.publicAccessBlock, BlockPublicPolicy: true } };
      await expect(m.lab.publicPolicyAttempt({ state: onState, bucket: name })).rejects.toThrow('socket hang up');
    } finally {
      s3.middlewareStack.remove(loseAnswer);
    }
    const after = await s3.send(new GetBucketPolicyCommand({ Bucket: name }));
    expect(after.Policy).not.toContain('GuestpassLabPublicRead');
    expect(JSON.parse(after.Policy!)).toEqual(JSON.parse(before.Policy!));
  });

  it('a dry run prints the diff and changes nothing', async () => {
    const { plan, results } = await m.security.hardenBucket({ dryRun: true });
    expect(results).toEqual([]);
    expect(plan.find((c) => c.id === 'publicAccessBlock')).toMatchObject({ changed: true });
    expect(
      plan
        .find((c) => c.id === 'policy')!
        .diff.some((l) => l.op === '+' && l.text.includes('GuestpassDenyStaleSignatures')),
    ).toBe(true);
    const { checks } = await m.security.auditBucket();
    expect(checks.find((c) => c.id === 'bpa.BlockPublicPolicy')?.status).toBe('fail');
  });

  it('after harden, every Block Public Access, bucket policy, CORS and lifecycle check passes, or says the store does not support it', async () => {
    const { results } = await m.security.hardenBucket({ dryRun: false });
    expect(results.filter((r) => r.outcome === 'failed')).toEqual([]);
    const { checks } = await m.security.auditBucket();
    const relevant = checks.filter(
      (c) => ['Block Public Access', 'Bucket policy', 'CORS'].includes(c.control) || c.id === 'lifecycle',
    );
    expect(relevant.length).toBeGreaterThanOrEqual(9);
    for (const check of relevant) {
      expect(
        check.status === 'pass' || (check.status === 'unsupported' && check.reason.includes(m.audit.NOT_SUPPORTED)),
        `${check.id}: ${check.status} ${check.reason}`,
      ).toBe(true);
    }
    expect(checks.find((c) => c.id === 'bpa.BlockPublicPolicy')?.status).toBe('pass');
    expect(checks.find((c) => c.id === 'bpa.IgnorePublicAcls')?.status).toBe('pass');
  });

  it('is idempotent, and kept the statement that was already there', async () => {
    const { results } = await m.security.hardenBucket({ dryRun: false });
    expect(results.map((r) => r.outcome).filter((o) => o === 'applied')).toEqual([]);
    const policy = JSON.parse((await m.client.s3().send(new GetBucketPolicyCommand({ Bucket: name }))).Policy!);
    expect(policy.Statement[0]).toEqual(THEIRS);
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(
      expect.arrayContaining(['GuestpassDenyStaleSignatures', 'GuestpassDenyQueryAuthOutsideAppPrefixes']),
    );
  });

  it('with BlockPublicPolicy on, a public policy is refused', async () => {
    const publicRead = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PublicRead',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${name}/*`,
        },
      ],
    };
    await expect(
      m.client.s3().send(new PutBucketPolicyCommand({ Bucket: name, Policy: JSON.stringify(publicRead) })),
    ).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  });

  it('anonymous reads are denied, while the app’s pre-signed GET, PUT and POST keep working on the hardened bucket', async () => {
    const key = `invoices/${randomBytes(6).toString('hex')}/hardened.pdf`;
    const put = await m.presign.presignPut(key, { contentType: 'application/pdf' });
    expect(
      (
        await fetch(put.url, {
          method: 'PUT',
          body: '%PDF-1.4 hardened',
          headers: { 'Content-Type': 'application/pdf' },
        })
      ).status,
    ).toBe(200);
    const get = await m.presign.presignGet(key, { purpose: 'invoice' });
    const response = await fetch(get.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('%PDF-1.4 hardened');

    const anonymous = await fetch(get.url.split('?')[0]);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).toContain('<Code>AccessDenied</Code>');

    const form = await m.presign.presignPost(`avatars/quarantine/${randomBytes(6).toString('hex')}/up`, {
      contentType: 'image/png',
      maxBytes: 1024,
    });
    const body = new FormData();
    for (const [field, value] of Object.entries(form.fields)) body.append(field, value);
    body.append('file', new Blob([new Uint8Array(10)], { type: 'image/png' }));
    expect((await fetch(form.url, { method: 'POST', body })).status).toBeLessThan(300);

    // Header-authenticated writes by the app (seed, verification copies) too.
    await m.client
      .s3()
      .send(new PutObjectCommand({ Bucket: name, Key: `avatars/${randomBytes(6).toString('hex')}/p`, Body: 'x' }));
  });

  it('refuses a CORS preflight from another origin and answers the app’s own', async () => {
    const endpoint = process.env.S3_ENDPOINT!;
    const preflight = (origin: string) =>
      fetch(`${endpoint}/${name}/invoices/x.pdf`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
    const stranger = await preflight('https://evil.example.com');
    expect(stranger.status).toBe(403);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    const own = await preflight(appOrigin);
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe(appOrigin);
  });

  it('the lab replays its requests on the hardened bucket and each answer matches, or says why not', async () => {
    const rows = await m.lab.runLab();
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    for (const id of [
      'anonymous-get',
      'presigned-get',
      'presigned-get-expired',
      'presigned-put-content-type',
      'post-over-size',
      'public-policy',
    ]) {
      expect(byId[id].outcome, `${id}: ${JSON.stringify(byId[id].actual)}`).toBe('as expected');
    }
    expect(byId['public-policy'].actual).toEqual({ status: 403, code: 'AccessDenied' });
    expect(byId['no-tls'].outcome).toBe('not applicable');
    expect(byId['presigned-outside-prefixes'].outcome).toBe(m.audit.NOT_SUPPORTED);
    // The public attempt was refused, so the policy is still the hardened one.
    const { checks } = await m.security.auditBucket();
    expect(checks.find((c) => c.id === 'policy.publicPrincipals')?.status).toBe('pass');
  });
});
