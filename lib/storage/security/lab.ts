import 'server-only';
import { randomBytes } from 'node:crypto';
import { DeleteBucketPolicyCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { bucket, s3 } from '@/lib/storage/client';
import { deleteObject, putObject } from '@/lib/storage/objects';
import { presignGet, presignPost, presignPut } from '@/lib/storage/presign';
import { NOT_SUPPORTED } from '@/lib/storage/security/audit';
import type { PolicyDocument } from '@/lib/storage/security/grammar';
import { readBucketState, type BucketState } from '@/lib/storage/security/state';
import { describeError, httpStatusOf } from '@/lib/storage/security/store';
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

const DENIED: LabAnswer = { status: 403, code: 'AccessDenied' };

/** What the lab works with: the store's settings and one private object it wrote under lab/<id>/. */
interface Lab {
  state: BucketState;
  bucket: string;
  /** A fresh random id per run. */
  id: string;
  /** lab/<id>/: every key a probe signs or writes is under it. */
  folder: string;
  key: string;
  /** A pre-signed GET of the private object, valid now. */
  signedUrl: string;
}

/**
 * What a probe found: S3's answer, or, where the request was not sent or its answer needs words of
 * its own, the row's answer, layer and (for an unsent request) outcome.
 */
type Finding = LabAnswer | { actual: LabAnswer | null; layer: string; outcome?: LabRow['outcome'] };

interface Probe extends Omit<LabRow, 'actual' | 'outcome' | 'layer'> {
  layer: string | ((lab: Lab) => string);
  /** True where this store is known not to enforce what the probe checks: a wrong answer is then "not supported". */
  unsupportedOn?: (lab: Lab) => boolean;
  run(lab: Lab): Promise<Finding>;
}

const authTypeUnevaluated = (lab: Lab) => lab.state.limits.unevaluatedConditionKeys.includes('s3:authType');

/** The requests the lab replays, in the order the page shows them. */
const PROBES: Probe[] = [
  {
    id: 'anonymous-get',
    title: 'Anonymous GET of a private object',
    expected: DENIED,
    layer: 'Object ACL and bucket policy: nothing grants access to anonymous callers',
    explanation:
      'Objects are private to the bucket owner unless an ACL or a policy grants more. Block Public Access keeps such grants from being added (BlockPublicPolicy) or from counting (IgnorePublicAcls).',
    mechanism: 'block-public-access',
    run: (lab) => send(lab.signedUrl.split('?')[0]),
  },
  {
    id: 'presigned-get',
    title: 'Pre-signed GET before expiry',
    expected: { status: 200, code: '' },
    layer: 'SigV4 query signature: valid and within X-Amz-Expires, signed by credentials that may read lab/',
    explanation: 'A pre-signed URL carries the signer’s authority for one request on one key until it expires.',
    mechanism: 'presigned-urls',
    run: (lab) => send(lab.signedUrl),
  },
  {
    id: 'presigned-get-expired',
    title: 'Pre-signed GET after expiry',
    expected: DENIED,
    layer: 'SigV4 query signature: X-Amz-Date + X-Amz-Expires is in the past',
    explanation:
      'S3 checks expiry on every request; a URL cannot be used a second after its lifetime, nor after the credentials that signed it expire.',
    mechanism: 'presigned-urls',
    run: async (lab) =>
      send(
        (await presignGet(lab.key, { purpose: 'download', ttlSeconds: 1, signedAt: new Date(Date.now() - 60_000) }))
          .url,
      ),
  },
  {
    id: 'presigned-put-content-type',
    title: 'Pre-signed PUT with a different Content-Type',
    expected: { status: 403, code: 'SignatureDoesNotMatch' },
    layer: 'SigV4 signature: Content-Type is a signed header, so changing it changes the signature',
    explanation:
      'The app signs the Content-Type it checked; an upload under another type is refused before any byte is stored.',
    mechanism: 'presigned-urls',
    run: async (lab) => {
      const upload = await presignPut(`${lab.folder}upload.png`, { contentType: 'image/png' });
      return send(upload.url, {
        method: 'PUT',
        body: '<html>not a png</html>',
        headers: { 'Content-Type': 'text/html' },
      });
    },
  },
  {
    id: 'post-over-size',
    title: 'Pre-signed POST over the size range (2 KB against 1 KB)',
    expected: { status: 400, code: 'EntityTooLarge' },
    layer: 'POST policy: content-length-range 1..1024 is part of the signed policy',
    explanation: 'A pre-signed POST bounds the size on S3’s side; a pre-signed PUT cannot.',
    mechanism: 'presigned-urls',
    run: async (lab) => {
      const form = await presignPost(`${lab.folder}post.png`, { contentType: 'image/png', maxBytes: 1024 });
      const body = new FormData();
      for (const [field, value] of Object.entries(form.fields)) body.append(field, value);
      body.append('file', new Blob([new Uint8Array(2048)], { type: 'image/png' }), 'too-big.png');
      return send(form.url, { method: 'POST', body });
    },
  },
  {
    id: 'no-tls',
    title: 'Request without TLS',
    expected: DENIED,
    layer: 'Bucket policy: GuestpassDenyInsecureTransport (aws:SecureTransport = false)',
    explanation: 'Pre-signed URLs are bearer tokens: over plain http anyone on the path could copy and replay them.',
    mechanism: 'bucket-policy',
    run: async (lab) => {
      if (!lab.signedUrl.startsWith('https:')) {
        return {
          actual: null,
          outcome: 'not applicable',
          layer:
            'Not testable here: this store is served over plain http, so every request is without TLS and the policy leaves out the TLS deny (S3_REQUIRE_TLS).',
        };
      }
      const plain = await send(lab.signedUrl.replace(/^https:/, 'http:')).catch(() => null);
      return (
        plain ?? {
          actual: null,
          outcome: 'as expected',
          layer: 'Network: the endpoint does not answer plain http at all',
        }
      );
    },
  },
  {
    id: 'presigned-outside-prefixes',
    title: 'Pre-signed GET outside the app’s prefixes',
    expected: DENIED,
    layer: (lab) =>
      lab.state.unsupported.policy
        ? `Bucket policy: ${NOT_SUPPORTED} (it answers ${lab.state.unsupported.policy}), so the request reaches the object lookup`
        : authTypeUnevaluated(lab)
          ? `Bucket policy: GuestpassDenyQueryAuthOutsideAppPrefixes, but s3:authType is ${NOT_SUPPORTED}, so the request reaches the object lookup`
          : 'Bucket policy: GuestpassDenyQueryAuthOutsideAppPrefixes (s3:authType = REST-QUERY-STRING outside the signed prefixes)',
    explanation:
      'Even a valid signature is refused outside the prefixes the app signs for: a leaked key cannot mint working links to the rest of the bucket.',
    mechanism: 'bucket-policy',
    unsupportedOn: (lab) => authTypeUnevaluated(lab) || Boolean(lab.state.unsupported.policy),
    run: async (lab) => send((await presignGet(`guestpass-lab-outside/${lab.id}`, { purpose: 'download' })).url),
  },
  {
    id: 'public-policy',
    title: 'Public bucket policy under Block Public Access',
    expected: DENIED,
    layer: 'Block Public Access: BlockPublicPolicy refuses any policy that grants access to everyone',
    explanation:
      'Nobody, not even an administrator in a hurry, can make the bucket public while BlockPublicPolicy is on (on AWS, the app role also lacks s3:PutBucketPolicy).',
    mechanism: 'block-public-access',
    run: publicPolicyAttempt,
  },
];

function rowOf(probe: Probe, lab: Lab, finding: Finding): LabRow {
  const { id, title, expected, explanation, mechanism, unsupportedOn, layer } = probe;
  const {
    actual,
    outcome,
    layer: foundLayer,
  } = 'status' in finding ? { actual: finding, outcome: undefined, layer: undefined } : finding;
  const judged = !actual
    ? 'not applicable'
    : same(actual, expected)
      ? 'as expected'
      : unsupportedOn?.(lab)
        ? NOT_SUPPORTED
        : 'unexpected';
  return {
    id,
    title,
    expected,
    explanation,
    mechanism,
    actual,
    outcome: outcome ?? judged,
    layer: foundLayer ?? (typeof layer === 'function' ? layer(lab) : layer),
  };
}

/**
 * Replays the probes against the live bucket and reports, for each, the answer S3 actually gave next
 * to the one the access controls should produce. Writes one private object under lab/ and removes
 * it (and its version) afterwards. Where the store cannot perform a check, the row says so.
 */
export async function runLab(): Promise<LabRow[]> {
  const name = bucket();
  const state = await readBucketState(s3(), name);
  const id = randomBytes(8).toString('hex');
  const folder = `${LAB_PREFIX}${id}/`;
  const key = `${folder}private.txt`;
  const { versionId } = await putObject(key, 'Guestpass lab: a private object', 'text/plain');
  try {
    const lab: Lab = {
      state,
      bucket: name,
      id,
      folder,
      key,
      signedUrl: (await presignGet(key, { purpose: 'download' })).url,
    };
    const rows: LabRow[] = [];
    for (const probe of PROBES) rows.push(rowOf(probe, lab, await probe.run(lab)));
    return rows;
  } finally {
    await deleteObject(key, versionId);
  }
}

/**
 * Tries to make lab/ public while BlockPublicPolicy is on; if the store accepts, puts the previous
 * policy back at once. Not attempted while BlockPublicPolicy is off: it would really work.
 */
export async function publicPolicyAttempt({ state, bucket: name }: Pick<Lab, 'state' | 'bucket'>): Promise<Finding> {
  const unsupported = state.unsupported.publicAccessBlock ?? state.unsupported.policy;
  if (unsupported)
    return {
      actual: null,
      outcome: NOT_SUPPORTED,
      layer: `Not attempted: Block Public Access is ${NOT_SUPPORTED} (it answers ${unsupported}).`,
    };
  if (state.publicAccessBlock?.BlockPublicPolicy !== true) {
    return {
      actual: null,
      outcome: 'not applicable',
      layer:
        'Not attempted: BlockPublicPolicy is off, so the policy would really make lab/ public. Run `npm run s3:harden`, then the lab again.',
    };
  }
  const client = s3();
  const current = state.policy;
  const publicRead = {
    Sid: 'GuestpassLabPublicRead',
    Effect: 'Allow' as const,
    Principal: '*' as const,
    Action: 's3:GetObject',
    Resource: `arn:aws:s3:::${name}/${LAB_PREFIX}*`,
  };
  const attempt: PolicyDocument = { Version: '2012-10-17', Statement: [...(current?.Statement ?? []), publicRead] };
  // Only a definite refusal (4xx) proves the policy was not applied: a lost or failed answer may hide
  // an accepted one, so everything else restores the previous policy, in `finally`.
  let refused = false;
  try {
    await client.send(new PutBucketPolicyCommand({ Bucket: name, Policy: JSON.stringify(attempt) }));
  } catch (error) {
    const status = httpStatusOf(error);
    if (status === undefined || status < 400 || status >= 500) throw error;
    refused = true;
    return { status, code: (error as { name?: string }).name ?? describeError(error) };
  } finally {
    if (!refused) {
      if (current) await client.send(new PutBucketPolicyCommand({ Bucket: name, Policy: JSON.stringify(current) }));
      else await client.send(new DeleteBucketPolicyCommand({ Bucket: name }));
    }
  }
  return {
    actual: { status: 200, code: '' },
    layer:
      'The store accepted a public policy despite BlockPublicPolicy; the previous policy was restored immediately.',
  };
}
