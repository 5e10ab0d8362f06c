import 'server-only';
import { randomBytes } from 'node:crypto';
import { DeleteBucketPolicyCommand, DeleteObjectCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { bucket, s3 } from '@/lib/storage/client';
import { presignGet, presignPost, presignPut } from '@/lib/storage/presign';
import { NOT_SUPPORTED } from '@/lib/storage/security/audit';
import type { PolicyDocument } from '@/lib/storage/security/grammar';
import { readBucketState, type BucketState } from '@/lib/storage/security/state';
import { describeError } from '@/lib/storage/security/store';
import { LAB_PREFIX } from '@/lib/storage/security/use-cases';

export interface LabAnswer {
  status: number;
  /** The S3 error code from the response body, or "" for a success. */
  code: string;
}

export interface LabRow {
  id: string;
  title: string;
  expected: LabAnswer;
  /** null when the request was not sent (see outcome). */
  actual: LabAnswer | null;
  outcome: 'as expected' | 'unexpected' | 'not applicable' | typeof NOT_SUPPORTED;
  /** The layer that allowed or denied the request, and why. */
  layer: string;
  explanation: string;
  /** Anchor of the mechanism's explanation on /admin/storage. */
  mechanism: string;
}

async function send(url: string, init?: RequestInit): Promise<LabAnswer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const body = await response.text();
  return { status: response.status, code: response.ok ? '' : (/<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? '') };
}

const same = (a: LabAnswer, b: LabAnswer) => a.status === b.status && a.code === b.code;

function row(base: Omit<LabRow, 'outcome' | 'actual'>, actual: LabAnswer | null, unsupportedHere = false): LabRow {
  if (!actual) return { ...base, actual, outcome: 'not applicable' };
  return { ...base, actual, outcome: same(actual, base.expected) ? 'as expected' : unsupportedHere ? NOT_SUPPORTED : 'unexpected' };
}

/**
 * Replays requests against the live bucket and reports, for each, the answer S3 actually gave next
 * to the one the access controls should produce. Writes one private object under lab/ and removes
 * it (and its version) afterwards. Where the store cannot perform a check, the row says so.
 */
export async function runLab(): Promise<LabRow[]> {
  const client = s3();
  const name = bucket();
  const state = await readBucketState(client, name);
  const id = randomBytes(8).toString('hex');
  const key = `${LAB_PREFIX}${id}/private.txt`;
  const put = await client.send(new PutObjectCommand({ Bucket: name, Key: key, Body: 'Guestpass lab: a private object', ContentType: 'text/plain' }));
  const rows: LabRow[] = [];
  try {
    const signed = await presignGet(key, { purpose: 'download' });
    const anonymousUrl = signed.url.split('?')[0];

    rows.push(
      row(
        {
          id: 'anonymous-get',
          title: 'Anonymous GET of a private object',
          expected: { status: 403, code: 'AccessDenied' },
          layer: 'Object ACL and bucket policy: nothing grants access to anonymous callers',
          explanation: 'Objects are private to the bucket owner unless an ACL or a policy grants more. Block Public Access keeps such grants from being added (BlockPublicPolicy) or from counting (IgnorePublicAcls).',
          mechanism: 'block-public-access',
        },
        await send(anonymousUrl),
      ),
      row(
        {
          id: 'presigned-get',
          title: 'Pre-signed GET before expiry',
          expected: { status: 200, code: '' },
          layer: 'SigV4 query signature: valid and within X-Amz-Expires, signed by credentials that may read lab/',
          explanation: 'A pre-signed URL carries the signer’s authority for one request on one key until it expires.',
          mechanism: 'presigned-urls',
        },
        await send(signed.url),
      ),
    );

    const expired = await presignGet(key, { purpose: 'download', ttlSeconds: 1, signedAt: new Date(Date.now() - 60_000) });
    rows.push(
      row(
        {
          id: 'presigned-get-expired',
          title: 'Pre-signed GET after expiry',
          expected: { status: 403, code: 'AccessDenied' },
          layer: 'SigV4 query signature: X-Amz-Date + X-Amz-Expires is in the past',
          explanation: 'S3 checks expiry on every request; a URL cannot be used a second after its lifetime, nor after the credentials that signed it expire.',
          mechanism: 'presigned-urls',
        },
        await send(expired.url),
      ),
    );

    const upload = await presignPut(`${LAB_PREFIX}${id}/upload.png`, { contentType: 'image/png' });
    rows.push(
      row(
        {
          id: 'presigned-put-content-type',
          title: 'Pre-signed PUT with a different Content-Type',
          expected: { status: 403, code: 'SignatureDoesNotMatch' },
          layer: 'SigV4 signature: Content-Type is a signed header, so changing it changes the signature',
          explanation: 'The app signs the Content-Type it checked; an upload under another type is refused before any byte is stored.',
          mechanism: 'presigned-urls',
        },
        await send(upload.url, { method: 'PUT', body: '<html>not a png</html>', headers: { 'Content-Type': 'text/html' } }),
      ),
    );

    const form = await presignPost(`${LAB_PREFIX}${id}/post.png`, { contentType: 'image/png', maxBytes: 1024 });
    const body = new FormData();
    for (const [field, value] of Object.entries(form.fields)) body.append(field, value);
    body.append('file', new Blob([new Uint8Array(2048)], { type: 'image/png' }), 'too-big.png');
    rows.push(
      row(
        {
          id: 'post-over-size',
          title: 'Pre-signed POST over the size range (2 KB against 1 KB)',
          expected: { status: 400, code: 'EntityTooLarge' },
          layer: 'POST policy: content-length-range 1..1024 is part of the signed policy',
          explanation: 'A pre-signed POST bounds the size on S3’s side; a pre-signed PUT cannot.',
          mechanism: 'presigned-urls',
        },
        await send(form.url, { method: 'POST', body }),
      ),
    );

    const tlsBase = {
      id: 'no-tls',
      title: 'Request without TLS',
      expected: { status: 403, code: 'AccessDenied' },
      layer: 'Bucket policy: GuestpassDenyInsecureTransport (aws:SecureTransport = false)',
      explanation: 'Pre-signed URLs are bearer tokens: over plain http anyone on the path could copy and replay them.',
      mechanism: 'bucket-policy',
    };
    if (signed.url.startsWith('https:')) {
      const plain = await send(signed.url.replace(/^https:/, 'http:')).catch(() => null);
      rows.push(plain ? row(tlsBase, plain) : { ...tlsBase, actual: null, outcome: 'as expected', layer: 'Network: the endpoint does not answer plain http at all' });
    } else {
      rows.push({ ...tlsBase, actual: null, outcome: 'not applicable', layer: `Not testable here: this store is served over plain http, so every request is without TLS and the policy leaves out the TLS deny (S3_REQUIRE_TLS).` });
    }

    const outside = await presignGet(`guestpass-lab-outside/${id}`, { purpose: 'download' });
    const authTypeUnevaluated = state.limits.unevaluatedConditionKeys.includes('s3:authType');
    rows.push(
      row(
        {
          id: 'presigned-outside-prefixes',
          title: 'Pre-signed GET outside the app’s prefixes',
          expected: { status: 403, code: 'AccessDenied' },
          layer: state.unsupported.policy
            ? `Bucket policy: ${NOT_SUPPORTED} (it answers ${state.unsupported.policy}), so the request reaches the object lookup`
            : authTypeUnevaluated
              ? `Bucket policy: GuestpassDenyQueryAuthOutsideAppPrefixes, but s3:authType is ${NOT_SUPPORTED}, so the request reaches the object lookup`
              : 'Bucket policy: GuestpassDenyQueryAuthOutsideAppPrefixes (s3:authType = REST-QUERY-STRING outside the signed prefixes)',
          explanation: 'Even a valid signature is refused outside the prefixes the app signs for: a leaked key cannot mint working links to the rest of the bucket.',
          mechanism: 'bucket-policy',
        },
        await send(outside.url),
        authTypeUnevaluated || Boolean(state.unsupported.policy),
      ),
    );

    rows.push(await publicPolicyAttempt(state, name));
  } finally {
    await client.send(new DeleteObjectCommand({ Bucket: name, Key: key, VersionId: put.VersionId }));
  }
  return rows;
}

async function publicPolicyAttempt(state: BucketState, name: string): Promise<LabRow> {
  const current = state.policy;
  const base = {
    id: 'public-policy',
    title: 'Public bucket policy under Block Public Access',
    expected: { status: 403, code: 'AccessDenied' },
    layer: 'Block Public Access: BlockPublicPolicy refuses any policy that grants access to everyone',
    explanation: 'Nobody, not even an administrator in a hurry, can make the bucket public while BlockPublicPolicy is on (on AWS, the app role also lacks s3:PutBucketPolicy).',
    mechanism: 'block-public-access',
  };
  const unsupported = state.unsupported.publicAccessBlock ?? state.unsupported.policy;
  if (unsupported) return { ...base, actual: null, outcome: NOT_SUPPORTED, layer: `Not attempted: Block Public Access is ${NOT_SUPPORTED} (it answers ${unsupported}).` };
  if (state.publicAccessBlock?.BlockPublicPolicy !== true) {
    return { ...base, actual: null, outcome: 'not applicable', layer: 'Not attempted: BlockPublicPolicy is off, so the policy would really make lab/ public. Run `npm run s3:harden`, then the lab again.' };
  }
  const client = s3();
  const publicRead = { Sid: 'GuestpassLabPublicRead', Effect: 'Allow' as const, Principal: '*' as const, Action: 's3:GetObject', Resource: `arn:aws:s3:::${name}/${LAB_PREFIX}*` };
  const attempt: PolicyDocument = { Version: '2012-10-17', Statement: [...(current?.Statement ?? []), publicRead] };
  try {
    await client.send(new PutBucketPolicyCommand({ Bucket: name, Policy: JSON.stringify(attempt) }));
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    return row(base, { status: e.$metadata?.httpStatusCode ?? 0, code: e.name ?? describeError(error) });
  }
  // Accepted: put the bucket back as it was at once, and say so.
  if (current) await client.send(new PutBucketPolicyCommand({ Bucket: name, Policy: JSON.stringify(current) }));
  else await client.send(new DeleteBucketPolicyCommand({ Bucket: name }));
  return { ...row(base, { status: 200, code: '' }), layer: 'The store accepted a public policy despite BlockPublicPolicy; the previous policy was restored immediately.' };
}
