// Target 4: a large direct upload through pre-signed UploadPart URLs (what the browser does: each part
// signed as it starts, several parts in flight) against one SDK upload of the same bytes from the
// same process, in interleaved rounds, for each part size and number of parts in flight (the curve).
// The SDK side is one PutObject of the whole body, the client's own single-call upload.
import { randomBytes } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { bucket, s3 } from '@/lib/storage/client';
import { keys } from '@/lib/storage/keys';
import { completeMultipartUpload, createMultipartUpload, listUploadedParts } from '@/lib/storage/multipart';
import { deleteObject } from '@/lib/storage/objects';
import { presignUploadPart } from '@/lib/storage/presign';
import { median, report } from './measure';

const MIB = 1024 * 1024;
const quick = process.argv.includes('--quick');
const size = (quick ? 32 : 64) * MIB;
const rounds = quick ? 1 : 2;
const partSizes = (quick ? [8] : [5, 8, 16]).map((n) => n * MIB);
const inFlight = quick ? [4] : [4, 8];
const bytes = randomBytes(size);
const newKey = () => keys.libraryFile(randomBytes(16).toString('hex'));

async function viaPresignedParts(partSize: number, concurrency: number): Promise<number> {
  const key = newKey();
  const t0 = performance.now();
  const uploadId = await createMultipartUpload(key, 'application/octet-stream');
  const queue = Array.from({ length: Math.ceil(size / partSize) }, (_, i) => i + 1);
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let n = queue.shift(); n; n = queue.shift()) {
        const { url } = await presignUploadPart(key, uploadId, n);
        const response = await fetch(url, {
          method: 'PUT',
          body: bytes.subarray((n - 1) * partSize, n * partSize) as unknown as BodyInit,
          // A stalled store fails the run instead of hanging it.
          signal: AbortSignal.timeout(120_000),
        });
        if (!response.ok) throw new Error(`part ${n}: HTTP ${response.status}`);
      }
    }),
  );
  await completeMultipartUpload(key, uploadId, (await listUploadedParts(key, uploadId))!);
  const seconds = (performance.now() - t0) / 1000;
  await deleteObject(key);
  return size / 1e6 / seconds;
}

async function viaSdk(): Promise<number> {
  const key = newKey();
  const t0 = performance.now();
  await s3().send(
    new PutObjectCommand({ Bucket: bucket(), Key: key, Body: bytes, ContentType: 'application/octet-stream' }),
    { abortSignal: AbortSignal.timeout(120_000) },
  );
  const seconds = (performance.now() - t0) / 1000;
  await deleteObject(key);
  return size / 1e6 / seconds;
}

await viaSdk(); // warm-up: connections, the store's first write
const curve: { partMiB: number; inFlight: number; mbps: number; sdkMbps: number; ratio: number }[] = [];
for (const partSize of partSizes)
  for (const concurrency of inFlight) {
    const direct: number[] = [];
    const sdk: number[] = [];
    for (let round = 0; round < rounds; round++) {
      direct.push(await viaPresignedParts(partSize, concurrency));
      sdk.push(await viaSdk());
    }
    const point = {
      partMiB: partSize / MIB,
      inFlight: concurrency,
      mbps: median(direct),
      sdkMbps: median(sdk),
      ratio: 0,
    };
    point.ratio = median(direct.map((d, i) => d / sdk[i]));
    console.error(
      `upload ${point.partMiB} MiB parts × ${concurrency}: ${point.mbps.toFixed(1)} MB/s vs SDK ${point.sdkMbps.toFixed(1)} MB/s`,
    );
    curve.push(point);
  }
report({ bytes: size, curve, best: curve.reduce((a, b) => (b.ratio > a.ratio ? b : a)) });
