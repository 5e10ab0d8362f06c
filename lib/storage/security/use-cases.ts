import { PREFIX } from '@/lib/storage/keys';

/**
 * What the app does in the bucket, per use case: the key prefix it owns and the S3 actions it needs
 * there. Every generated policy (bucket, IAM role, access points, VPC endpoint) is derived from this
 * table, so granting a new action means editing one line here.
 */
export type UseCaseId = 'avatars' | 'invoices' | 'library' | 'lab';

/** The variable that names a use case's Access Point: S3_ACCESS_POINT_ and the use case's id. */
export type AccessPointVariable = `S3_ACCESS_POINT_${Uppercase<Exclude<UseCaseId, 'lab'>>}`;

export interface UseCase {
  id: UseCaseId;
  label: string;
  prefix: string;
  actions: string[];
  /** Where a use case may be served through its own Access Point, the variable that names it. */
  accessPointVariable?: AccessPointVariable;
}

/** Objects the admin lab writes, probes and deletes (lib/storage/security/lab.ts). */
export const LAB_PREFIX = 'lab/';

export const USE_CASES: readonly UseCase[] = [
  {
    id: 'avatars',
    label: 'Profile photos (uploads land in quarantine, verified copies move out)',
    prefix: PREFIX.avatars,
    // Upload (PUT/POST), verify (read + copy = Get + Put), drop the quarantined original.
    actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
    accessPointVariable: 'S3_ACCESS_POINT_AVATARS',
  },
  {
    id: 'invoices',
    label: 'Invoice PDFs',
    prefix: PREFIX.invoices,
    // Upload (POST), verify and hash (Get), and delete a PDF that failed verification.
    actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
    accessPointVariable: 'S3_ACCESS_POINT_INVOICES',
  },
  {
    id: 'library',
    label: 'File library, shared with partners (single PUT or multipart)',
    prefix: PREFIX.library,
    actions: [
      's3:GetObject',
      's3:PutObject',
      's3:DeleteObject',
      's3:AbortMultipartUpload',
      's3:ListMultipartUploadParts',
    ],
    accessPointVariable: 'S3_ACCESS_POINT_LIBRARY',
  },
  {
    id: 'lab',
    label: 'Admin access-control lab probes',
    prefix: LAB_PREFIX,
    actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
  },
];

/** Every S3_ACCESS_POINT_* variable, in the table's order: lib/env.ts validates exactly these. */
export const ACCESS_POINT_VARIABLES: AccessPointVariable[] = USE_CASES.flatMap((u) =>
  u.accessPointVariable ? [u.accessPointVariable] : [],
);

/** The use case whose prefix holds `key` (the longest matching prefix), or undefined. */
export function findUseCase(key: string): UseCase | undefined {
  return USE_CASES.filter((u) => key.startsWith(u.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
}
