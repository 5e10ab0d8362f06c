import 'server-only';
import { createHash, createHmac, type BinaryLike } from 'node:crypto';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getEndpointFromInstructions } from '@smithy/core/endpoints';
import { escapeUri, extendedEncodeURIComponent, HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { S3_MAX_PARTS } from '@/lib/env';
import { bucket, bucketForKey, s3 } from '@/lib/storage/client';
import { isQuarantined } from '@/lib/storage/keys';
import { effectiveTtl, ttlSeconds, type UrlPurpose } from '@/lib/storage/ttl';

/**
 * Every URL the app signs is signed here, and every lifetime comes from lib/storage/ttl.ts, capped at
 * what the signing credentials have left (a URL cannot outlive the credentials that signed it).
 *
 * Signing goes through the SDK's own SigV4 code (@smithy/signature-v4), but not through getSignedUrl:
 * that clones the client's middleware stack, runs the command's serializer and resolves the endpoint on
 * every call (~400 µs a URL). Here the endpoint is resolved once per bucket or access point through the
 * client's own rule set, one SignatureV4 is kept per target and credentials, and each request is built
 * directly the way the SDK's serializer builds it (~30 µs). tests/unit/presign-equivalence.test.ts
 * proves the URLs are byte for byte the SDK presigner's for the same inputs and clock.
 */

/** What the client's credential provider chain resolves to. */
type AwsCredentialIdentity = Awaited<ReturnType<S3Client['config']['credentials']>>;

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** What S3RequestPresigner passes: content-type is unsignable unless a PUT asks for it. */
const CONTENT_TYPE = new Set(['content-type']);
const NOTHING = new Set<string>();
/** Credentials are refreshed this long before they expire (the SDK's own providers use 5 minutes). */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** SignatureV4 passes strings and byte arrays (its SourceData). */
type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): BinaryLike =>
  typeof data === 'string' || data instanceof Uint8Array
    ? data
    : data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/** SignatureV4's hash, straight on node:crypto (the client's default copies every input first). */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.hash.digest());
  }
}

type SigningKeyDerivation = (
  credentials: AwsCredentialIdentity,
  region: string,
  shortDate: string,
) => Promise<Uint8Array>;

/**
 * One SignatureV4 signs for one target with one set of credentials, so its signing key changes only
 * with the date. SignatureV4 caches the key too, but computes an HMAC of the secret on every call just
 * to look it up (a fifth of the cost of a URL); this keeps the key per day instead. getSigningKey is
 * SignatureV4's own (non-public) step: if a release renames it, signing stops with this error rather
 * than quietly losing the cache.
 */
function keepSigningKeyPerDay(signer: SignatureV4): SignatureV4 {
  const internals = signer as unknown as { getSigningKey?: SigningKeyDerivation };
  const derive = internals.getSigningKey?.bind(signer);
  if (!derive) throw new Error('@smithy/signature-v4 no longer has getSigningKey: review lib/storage/presign.ts');
  let day: string | undefined;
  let key: Promise<Uint8Array> | undefined;
  internals.getSigningKey = (credentials, region, shortDate) => {
    if (day !== shortDate || !key) {
      day = shortDate;
      key = derive(credentials, region, shortDate);
    }
    return key;
  };
  return signer;
}

/** Where one bucket or access point is addressed, and the signer for it. */
interface SigningTarget {
  signer: SignatureV4;
  region: string;
  protocol: string;
  hostname: string;
  port?: number;
  /** `host` as signed: with the port when the endpoint has one. */
  host: string;
  origin: string;
  /** `/bucket` for path-style addressing, empty for virtual-hosted buckets and access points. */
  basePath: string;
}

/**
 * The query string of a signed request, as the SDK's formatUrl writes it (sorted names, escapeUri).
 * Most values repeat from URL to URL (scope, algorithm, x-id, token, content types, upload ids), so
 * their escaped forms are kept; the map is bounded.
 */
const escapedValues = new Map<string, string>();
function escapeCached(value: string): string {
  let escaped = escapedValues.get(value);
  if (escaped === undefined) {
    escaped = escapeUri(value);
    if (escapedValues.size >= 10_000) escapedValues.clear();
    escapedValues.set(value, escaped);
  }
  return escaped;
}

function urlOf(target: SigningTarget, request: { path: string; query?: object }): string {
  const query = request.query as Record<string, string>;
  let search = '';
  for (const name of Object.keys(query).sort())
    search += `${search ? '&' : '?'}${escapeCached(name)}=${escapeCached(query[name])}`;
  return `${target.origin}${request.path}${search}`;
}

/** The SDK serializer's path for a greedy key label: each segment escaped, slashes kept. */
const keyPath = (key: string) => key.split('/').map(extendedEncodeURIComponent).join('/');
const iso8601 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

interface SignOptions {
  expiresIn: number;
  signingDate: Date;
}

/** The signing state for one S3 client: its credentials, and one target per bucket or access point. */
class UrlSigner {
  private current: AwsCredentialIdentity | undefined;
  private pending: Promise<AwsCredentialIdentity> | undefined;
  private readonly targets = new Map<string, Promise<SigningTarget>>();

  constructor(private readonly client: S3Client) {}

  /** The signing credentials, refreshed through the client's provider chain when they near expiry. */
  credentials(now = Date.now()): Promise<AwsCredentialIdentity> {
    const current = this.current;
    if (current && (!current.expiration || current.expiration.getTime() - now > REFRESH_MARGIN_MS))
      return Promise.resolve(current);
    // One refresh at a time: a burst of URLs at expiry asks the provider once.
    this.pending ??= this.client.config
      .credentials({ forceRefresh: Boolean(current) })
      .then((next) => {
        const changed =
          !current ||
          next.accessKeyId !== current.accessKeyId ||
          next.secretAccessKey !== current.secretAccessKey ||
          next.sessionToken !== current.sessionToken;
        // Each SignatureV4 holds the credentials it was built with.
        if (changed) this.targets.clear();
        this.current = next;
        return next;
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }

  async target(name: string): Promise<SigningTarget> {
    const credentials = await this.credentials();
    let target = this.targets.get(name);
    if (!target) {
      target = this.resolve(name, credentials);
      target.catch(() => this.targets.delete(name));
      this.targets.set(name, target);
    }
    return target;
  }

  /**
   * The client's own endpoint rules decide path or virtual-hosted style, an access point's host and
   * its region (what getSignedUrl does on every call). The result depends on the bucket alone for
   * the operations signed here.
   */
  private async resolve(name: string, credentials: AwsCredentialIdentity): Promise<SigningTarget> {
    const endpoint = await getEndpointFromInstructions(
      { Bucket: name, Key: 'k' },
      GetObjectCommand,
      this.client.config as unknown as Parameters<typeof getEndpointFromInstructions>[2],
    );
    const scheme = (
      endpoint.properties?.authSchemes as { name: string; signingRegion?: string; signingName?: string }[]
    )?.[0];
    // Multi-region access points (sigv4a) and directory buckets (session credentials from
    // CreateSession) are not plain SigV4 with the app's credentials.
    if (scheme && scheme.name !== 'sigv4')
      throw new Error(`${name} needs ${scheme.name} signing; Guestpass signs URLs with SigV4 only`);
    const region = scheme?.signingRegion ?? (await this.client.config.region());
    const signer = keepSigningKeyPerDay(
      new SignatureV4({
        credentials,
        region,
        service: scheme?.signingName ?? 's3',
        sha256: NodeSha256,
        uriEscapePath: false, // S3 signs the path exactly as sent
        applyChecksum: false,
      }),
    );
    const url = endpoint.url;
    return {
      signer,
      region,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      host: url.host,
      origin: `${url.protocol}//${url.host}`,
      basePath: url.pathname.replace(/\/$/, ''),
    };
  }

  async presign(
    target: SigningTarget,
    method: 'GET' | 'PUT',
    key: string,
    query: Record<string, string>,
    options: SignOptions & { contentType?: string },
  ): Promise<string> {
    const headers: Record<string, string> = {
      host: target.host,
      // This exact casing: SignatureV4 hoists it into the query under this name, as the SDK does.
      'X-Amz-Content-Sha256': UNSIGNED_PAYLOAD,
    };
    if (options.contentType !== undefined) headers['content-type'] = options.contentType;
    const request = new HttpRequest({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method,
      path: `${target.basePath}/${keyPath(key)}`,
      query,
      headers,
    });
    const signed = await target.signer
      .presign(request, {
        expiresIn: options.expiresIn,
        signingDate: options.signingDate,
        signingRegion: target.region,
        unsignableHeaders: CONTENT_TYPE,
        unhoistableHeaders: NOTHING,
        signableHeaders: options.contentType !== undefined ? CONTENT_TYPE : undefined,
      })
      .catch((reason: unknown) => {
        // SignatureV4 rejects an over-long expiry with a string, not an Error.
        throw reason instanceof Error ? reason : new Error(String(reason));
      });
    return urlOf(target, signed);
  }

  /** What @aws-sdk/s3-presigned-post builds (same policy document, fields and signature), at a given instant. */
  async presignPost(
    name: string,
    key: string,
    options: SignOptions & { fields: Record<string, string>; conditions: unknown[] },
  ): Promise<{ url: string; fields: Record<string, string> }> {
    const target = await this.target(name);
    const credentials = await this.credentials();
    const longDate = iso8601(options.signingDate).replace(/[-:]/g, '');
    const fields: Record<string, string> = {
      ...options.fields,
      bucket: name,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `${credentials.accessKeyId}/${longDate.slice(0, 8)}/${target.region}/s3/aws4_request`,
      'X-Amz-Date': longDate,
      ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
    };
    const conditions = new Set(options.conditions.map((c) => JSON.stringify(c)));
    for (const [field, value] of Object.entries(fields)) conditions.add(JSON.stringify({ [field]: value }));
    conditions.add(JSON.stringify({ key }));
    const expiration = iso8601(new Date(options.signingDate.getTime() + options.expiresIn * 1000));
    const policy = Buffer.from(
      JSON.stringify({ expiration, conditions: [...conditions].map((c) => JSON.parse(c) as unknown) }),
    ).toString('base64');
    const signature = await target.signer.sign(policy, { signingDate: options.signingDate });
    return {
      url: `${target.origin}${target.basePath || '/'}`,
      fields: { ...fields, key, Policy: policy, 'X-Amz-Signature': signature },
    };
  }
}

const signers = new WeakMap<S3Client, UrlSigner>();

/** The signer of the app's client (or of another, for the storage audit and tests). */
export function urlSigner(client: S3Client = s3()): UrlSigner {
  let signer = signers.get(client);
  if (!signer) signers.set(client, (signer = new UrlSigner(client)));
  return signer;
}

export interface PresignedUrl {
  url: string;
  /** When the URL really stops working: its own expiry, or the signing credentials' if earlier. */
  expiresAt: Date;
}

/** Sign as of this instant (for URLs reused across a time window, and for tests); defaults to now. */
interface SigningInstant {
  signedAt?: Date;
}

/**
 * The lifetime to sign with: the policy's TTL, capped at what the signing credentials have left.
 * Known before signing, so a click can record a URL's expiry in the statement that grants it.
 */
export async function urlLifetime(purpose: UrlPurpose, requested: number | undefined, signedAt: Date) {
  const ttl = ttlSeconds(purpose, requested);
  const { expiration } = await urlSigner().credentials();
  const { seconds } = effectiveTtl(ttl, expiration, signedAt);
  return { expiresIn: seconds, signingDate: signedAt, expiresAt: new Date(signedAt.getTime() + seconds * 1000) };
}

export interface PresignGetOptions extends SigningInstant {
  purpose: Exclude<UrlPurpose, 'upload'>;
  /** A shorter lifetime than the policy's, for example in tests. */
  ttlSeconds?: number;
  /** Sent back as Content-Disposition: attachment, so the browser saves it under this name. */
  downloadName?: string;
  /** Shown in the browser instead (Content-Disposition: inline): only for types safe to render. */
  inline?: boolean;
  responseContentType?: string;
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so that any display name is safe in the header. */
export function contentDisposition(name: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // The UTF-8 form only when the ASCII one lost something: most names (invoice numbers) need none.
  return ascii === name
    ? `${type}; filename="${name}"`
    : `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function presignGet(key: string, options: PresignGetOptions): Promise<PresignedUrl> {
  if (isQuarantined(key)) throw new Error('refusing to sign a download of a quarantined object');
  const signing = await urlLifetime(options.purpose, options.ttlSeconds, options.signedAt ?? new Date());
  const signer = urlSigner();
  // The GetObject serializer's query: the operation, then the response overrides that are set.
  const query: Record<string, string> = { 'x-id': 'GetObject' };
  if (options.downloadName) {
    query['response-content-disposition'] = contentDisposition(
      options.downloadName,
      options.inline ? 'inline' : 'attachment',
    );
  }
  if (options.responseContentType !== undefined) query['response-content-type'] = options.responseContentType;
  const url = await signer.presign(await signer.target(bucketForKey(key)), 'GET', key, query, signing);
  return { url, expiresAt: signing.expiresAt };
}

export interface PresignPutOptions extends SigningInstant {
  contentType: string;
  ttlSeconds?: number;
}

/** A pre-signed PUT with Content-Type signed: the browser must send exactly that type. */
export async function presignPut(key: string, options: PresignPutOptions): Promise<PresignedUrl> {
  const signing = await urlLifetime('upload', options.ttlSeconds, options.signedAt ?? new Date());
  const signer = urlSigner();
  const url = await signer.presign(
    await signer.target(bucketForKey(key)),
    'PUT',
    key,
    { 'x-id': 'PutObject' },
    { ...signing, contentType: options.contentType },
  );
  return { url, expiresAt: signing.expiresAt };
}

/**
 * A pre-signed PUT of one part of a multipart upload; its signature covers the upload id and the
 * part number. Signed when that part starts, so no URL has to outlive its part.
 */
export async function presignUploadPart(
  key: string,
  uploadId: string,
  partNumber: number,
  options: SigningInstant & { ttlSeconds?: number } = {},
): Promise<PresignedUrl> {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > S3_MAX_PARTS)
    throw new RangeError(`part number must be 1..${S3_MAX_PARTS}, got ${partNumber}`);
  const signing = await urlLifetime('upload', options.ttlSeconds, options.signedAt ?? new Date());
  const signer = urlSigner();
  const query = { 'x-id': 'UploadPart', partNumber: String(partNumber), uploadId };
  const url = await signer.presign(await signer.target(bucketForKey(key)), 'PUT', key, query, signing);
  return { url, expiresAt: signing.expiresAt };
}

export interface PresignedPostForm {
  /** The form's action: the bucket's endpoint. */
  url: string;
  /** Hidden fields to send before the file, exactly as given (they carry the signed policy). */
  fields: Record<string, string>;
  expiresAt: Date;
  maxBytes: number;
}

export interface PresignPostOptions extends SigningInstant {
  contentType: string;
  /** S3 itself refuses a body outside 1..maxBytes (content-length-range in the signed policy). */
  maxBytes: number;
  ttlSeconds?: number;
}

/**
 * A pre-signed POST whose policy S3 enforces: this exact key, this exact Content-Type, and a body
 * size between 1 byte and maxBytes. Unlike a pre-signed PUT, the size is bounded by S3 itself.
 */
export async function presignPost(key: string, options: PresignPostOptions): Promise<PresignedPostForm> {
  const signing = await urlLifetime('upload', options.ttlSeconds, options.signedAt ?? new Date());
  // Not bucketForKey: POST Object is not among the operations S3 Access Points accept, so
  // browser forms always post to the bucket itself (the bucket policy still applies).
  const { url, fields } = await urlSigner().presignPost(bucket(), key, {
    ...signing,
    fields: { 'Content-Type': options.contentType },
    conditions: [
      ['eq', '$Content-Type', options.contentType],
      ['content-length-range', 1, options.maxBytes],
    ],
  });
  return { url, fields, expiresAt: signing.expiresAt, maxBytes: options.maxBytes };
}
