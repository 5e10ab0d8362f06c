// Throughput of a large direct upload through pre-signed UploadPart URLs (what the browser does:
// each part signed as it starts, several parts in flight) against one plain SDK PutObject of the
// same bytes, from the same machine, in one run. Prints MB/s for each and their ratio.
// BENCH_BYTES (default 128 MiB), BENCH_ROUNDS (default 3), BENCH_CONCURRENCY (default 4).
import { randomBytes } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { bucket, s3 } from '@/lib/storage/client';
import { keys } from '@/lib/storage/keys';
import { libraryLimits, planUpload } from '@/lib/storage/library';
import { completeMultipartUpload, createMultipartUpload, listUploadedParts } from '@/lib/storage/multipart';
import { deleteObject } from '@/lib/storage/objects';
import { presignUploadPart } from '@/lib/storage/presign';

const size = Number(process.env.BENCH_BYTES ?? 128 * 1024 * 1024);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
const bytes = randomBytes(size);
const newKey = () => keys.libraryFile(randomBytes(16).toString('hex'));

async function viaPresignedParts(): Promise<number> {
  const plan = planUpload(size, libraryLimits());
  if (plan.kind !== 'multipart') throw new Error(`BENCH_BYTES ${size} is under the multipart threshold`);
  const key = newKey();
  const t0 = performance.now();
  const uploadId = await createMultipartUpload(key, 'application/octet-stream');
  const queue = Array.from({ length: plan.partCount }, (_, i) => i + 1);
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let n = queue.shift(); n; n = queue.shift()) {
        const { url } = await presignUploadPart(key, uploadId, n);
        const response = await fetch(url, {
          method: 'PUT',
          body: bytes.subarray((n - 1) * plan.partSize, n * plan.partSize) as unknown as BodyInit,
        });
        if (!response.ok) throw new Error(`part ${n}: HTTP ${response.status}`);
      }
    }),
  );
  await completeMultipartUpload(key, uploadId, (await listUploadedParts(key, uploadId))!);
  const seconds = (performance.now() - t0) / 1000;
  await deleteObject(key);
  return seconds;
}

async function viaSdkPutObject(): Promise<number> {
  const key = newKey();
  const t0 = performance.now();
  await s3().send(
    new PutObjectCommand({ Bucket: bucket(), Key: key, Body: bytes, ContentType: 'application/octet-stream' }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await deleteObject(key);
  return seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mbps = (seconds: number) => size / 1e6 / seconds;

const direct: number[] = [];
const sdk: number[] = [];
await viaSdkPutObject(); // warm-up: connections, the store's first write
for (let round = 1; round <= rounds; round++) {
  direct.push(await viaPresignedParts());
  sdk.push(await viaSdkPutObject());
  console.log(
    `round ${round}: pre-signed parts ${mbps(direct.at(-1)!).toFixed(1)} MB/s, SDK PutObject ${mbps(sdk.at(-1)!).toFixed(1)} MB/s`,
  );
}
const plan = planUpload(size, libraryLimits());
const directRate = mbps(median(direct));
const sdkRate = mbps(median(sdk));
console.log(
  `\n${(size / 1024 / 1024).toFixed(0)} MiB, median of ${rounds}: pre-signed UploadPart URLs (${plan.kind === 'multipart' ? `${plan.partCount} × ${plan.partSize / 1024 / 1024} MiB parts` : 'single'}, ${concurrency} in flight) ${directRate.toFixed(1)} MB/s; ` +
    `SDK PutObject ${sdkRate.toFixed(1)} MB/s; ratio direct/SDK = ${(directRate / sdkRate).toFixed(2)}`,
);
