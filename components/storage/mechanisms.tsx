import { ACCOUNT_BPA_COMMAND } from '@/lib/storage/security/audit';

/**
 * Short explanations of each S3 access-control mechanism, as Guestpass uses it. Checklist rows and
 * lab rows link here by anchor (#block-public-access, …).
 */
const MECHANISMS = [
  {
    id: 'block-public-access',
    title: 'Block Public Access',
    text: 'Four switches that override ACLs and policies: BlockPublicAcls refuses new public ACLs, IgnorePublicAcls makes existing ones count for nothing, BlockPublicPolicy refuses a bucket policy that grants access to everyone, RestrictPublicBuckets limits an existing public policy to AWS principals of this account. The account-level setting is stronger than the bucket’s: it covers every bucket, including ones created tomorrow.',
    command: ACCOUNT_BPA_COMMAND,
  },
  {
    id: 'bucket-policy',
    title: 'Bucket policy',
    text: 'Deny statements that hold whatever an IAM policy allows: no request without TLS (aws:SecureTransport), no pre-signed request whose signature is older than the longest lifetime the app issues (s3:signatureAge, in milliseconds), no pre-signed request outside the prefixes the app signs for (s3:authType = REST-QUERY-STRING). Harden merges these into the existing policy; it never drops statements it did not write.',
  },
  {
    id: 'cors',
    title: 'CORS',
    text: 'Lets the app’s pages, and only them, upload and download from the browser: the app’s origin, the methods it uses (GET, HEAD, PUT, POST), and ETag exposed for multipart uploads. CORS protects browsers, not the bucket: a script outside a browser ignores it, which is why signatures and policies do the real work.',
  },
  {
    id: 'ownership',
    title: 'Object ownership and encryption',
    text: 'BucketOwnerEnforced disables ACLs altogether, so access is decided by policies alone, and every object belongs to the bucket owner. Default encryption (SSE-S3 or SSE-KMS) encrypts every object at rest without the app asking.',
  },
  {
    id: 'lifecycle',
    title: 'Versioning and lifecycle',
    text: 'Versioning keeps overwritten and deleted files recoverable. Lifecycle rules abort multipart uploads left incomplete for a day (their parts cost money and are invisible) and expire quarantined avatar uploads that were never verified.',
  },
  {
    id: 'presigned-urls',
    title: 'Pre-signed URL limits',
    text: 'A pre-signed URL carries its signer’s authority for one request until it expires: at most 7 days for SigV4, and never longer than the credentials that signed it. On a role, Guestpass caps each lifetime at what the session has left, so the expiry a user sees is the real one. Uploads sign their Content-Type; POST forms also bound the size.',
  },
  {
    id: 'access-points',
    title: 'Access Points',
    text: 'Named entry points to the bucket, each with its own policy: avatars, invoices and partner files can each get one that lets the app role use only that prefix and only the actions it needs. The app signs URLs for the access point’s own host.',
  },
  {
    id: 'vpc-endpoint',
    title: 'VPC endpoint policy',
    text: 'A gateway endpoint policy that lets the app role reach only this bucket, paired with a bucket-policy condition (aws:SourceVpce) that refuses requests from anywhere else. It also refuses the console and your own machine: keep a way back in before applying it.',
  },
  {
    id: 'iam',
    title: 'The app role’s IAM policy',
    text: 'Least privilege, generated from the same table as everything else: each use case’s actions on its own prefix, a single health-probe key, and read-only access to the bucket’s settings for this page. Changing settings (harden) needs an operator’s credentials.',
  },
] as const;

export type MechanismId = (typeof MECHANISMS)[number]['id'];

export function MechanismExplanations() {
  return (
    <section
      aria-labelledby="mechanisms-heading"
      className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6"
    >
      <h2 id="mechanisms-heading" className="text-base font-semibold text-slate-900">
        How each mechanism works
      </h2>
      <dl className="mt-4 space-y-4">
        {MECHANISMS.map((m) => (
          <div key={m.id} id={m.id} className="scroll-mt-20">
            <dt className="text-sm font-semibold text-slate-900">{m.title}</dt>
            <dd className="mt-1 text-sm text-slate-600">
              {m.text}
              {'command' in m && (
                <code className="mt-1 block rounded bg-slate-100 p-1 text-xs break-all text-slate-800">
                  {m.command}
                </code>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
