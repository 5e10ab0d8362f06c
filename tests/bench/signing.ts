// Target 1: signing each URL kind through lib/storage/presign.ts against two references measured in
// the same process and rounds: the bare SigV4 arithmetic (one SHA-256 of a canonical request of the
// real size, one HMAC with a cached signing key) and SignatureV4.presign on a prepared request.
// getSignedUrl (what presign.ts used before) is measured too, for the record.
import { createHash, createHmac } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { bucket, s3 } from '@/lib/storage/client';
import { contentDisposition, presignGet, presignPost, presignPut, presignUploadPart } from '@/lib/storage/presign';
import { interleaved, median, medianRatio, report } from './measure';

const quick = process.argv.includes('--quick');
const key = 'invoices/clcustomer0001/4f9c2b7e0a1d.pdf';
const downloadName = 'Rechnung März 2026.pdf';
const credentials = await s3().config.credentials();
const endpoint = new URL(process.env.S3_ENDPOINT ?? `https://${bucket()}.s3.${process.env.S3_REGION}.amazonaws.com`);

// The second reference: the SDK's signer alone, on a request built once.
const signer = new SignatureV4({
  credentials,
  region: await s3().config.region(),
  service: 's3',
  sha256: s3().config.sha256,
  uriEscapePath: false,
  applyChecksum: false,
});
const prepared = new HttpRequest({
  protocol: endpoint.protocol,
  hostname: endpoint.hostname,
  port: endpoint.port ? Number(endpoint.port) : undefined,
  method: 'GET',
  path: `/${bucket()}/${key}`,
  query: {
    'x-id': 'GetObject',
    'response-content-disposition': contentDisposition(downloadName),
    'response-content-type': 'application/pdf',
  },
  headers: { host: endpoint.host, 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
});

const signingKey = createHmac('sha256', 'key').update('day').digest();
const canonical = `GET\n/${bucket()}/${key}\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Content-Sha256=UNSIGNED-PAYLOAD&X-Amz-Credential=${encodeURIComponent(`${credentials.accessKeyId}/20261129/us-east-1/s3/aws4_request`)}&X-Amz-Date=20261129T101112Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&response-content-disposition=${encodeURIComponent(contentDisposition(downloadName))}&response-content-type=application%2Fpdf&x-id=GetObject\nhost:${endpoint.host}\n\nhost\nUNSIGNED-PAYLOAD`;
let part = 0;

const rates = await interleaved(
  {
    bare: () => {
      const hash = createHash('sha256').update(canonical).digest('hex');
      return createHmac('sha256', signingKey)
        .update(`AWS4-HMAC-SHA256\n20261129T101112Z\n20261129/us-east-1/s3/aws4_request\n${hash}`)
        .digest('hex');
    },
    signatureV4: () => signer.presign(prepared, { expiresIn: 3600, signingDate: new Date() }),
    getSignedUrl: () =>
      getSignedUrl(
        s3(),
        new GetObjectCommand({
          Bucket: bucket(),
          Key: key,
          ResponseContentDisposition: contentDisposition(downloadName),
          ResponseContentType: 'application/pdf',
        }),
        { expiresIn: 3600 },
      ),
    get: () => presignGet(key, { purpose: 'download', downloadName, responseContentType: 'application/pdf' }),
    put: () => presignPut('avatars/quarantine/cluser0001/clupload0001', { contentType: 'image/png' }),
    uploadPart: () =>
      presignUploadPart('library/clfile0001', '2~Yk3x9bXk2Jm0q1ZfQ7nD3wVt8eRr5sLp', (part++ % 10_000) + 1),
    post: () =>
      presignPost('avatars/quarantine/cluser0001/clupload0002', { contentType: 'image/png', maxBytes: 5_242_880 }),
  },
  { rounds: quick ? 3 : 9, sliceMs: quick ? 100 : 250 },
);

report(
  Object.fromEntries(
    Object.entries(rates).map(([name, values]) => [
      name,
      {
        perSecond: median(values),
        ratioToBare: medianRatio(values, rates.bare),
        ratioToSignatureV4: medianRatio(values, rates.signatureV4),
      },
    ]),
  ),
);
