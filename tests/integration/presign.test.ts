import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { completeMultipartUpload, createMultipartUpload, listUploadedParts } from '@/lib/storage/multipart';
import { presignGet, presignPost, presignPut, presignUploadPart } from '@/lib/storage/presign';

const key = () => `tests/presign/${randomBytes(8).toString('hex')}`;

describe('pre-signed URLs against a signature-verifying S3 server', () => {
  it('a PUT with the signed Content-Type lands, and a GET returns the same bytes', async () => {
    const objectKey = key();
    const body = randomBytes(1024);
    const put = await presignPut(objectKey, { contentType: 'image/png' });
    expect((await fetch(put.url, { method: 'PUT', body, headers: { 'Content-Type': 'image/png' } })).status).toBe(200);
    const get = await presignGet(objectKey, { purpose: 'download', downloadName: 'report-final.png' });
    const response = await fetch(get.url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(body);
    expect(get.expiresAt.getTime() - Date.now()).toBeGreaterThan(3500_000);
  });

  it('serves any display name as the attachment file name', async () => {
    const objectKey = key();
    const put = await presignPut(objectKey, { contentType: 'text/plain' });
    await fetch(put.url, { method: 'PUT', body: 'hello', headers: { 'Content-Type': 'text/plain' } });
    const get = await presignGet(objectKey, { purpose: 'download', downloadName: 'rapport “final” d’Zoë.txt' });
    const response = await fetch(get.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="rapport _final_ d_Zo_.txt"; filename*=UTF-8''${encodeURIComponent('rapport “final” d’Zoë.txt')}`,
    );
  });

  it('refuses a PUT whose Content-Type differs from the signed one', async () => {
    const put = await presignPut(key(), { contentType: 'image/png' });
    const response = await fetch(put.url, {
      method: 'PUT',
      body: 'not a png',
      headers: { 'Content-Type': 'text/html' },
    });
    expect(response.status).toBe(403);
  });

  it('refuses a tampered URL and an expired one', async () => {
    const objectKey = key();
    const put = await presignPut(objectKey, { contentType: 'text/plain' });
    await fetch(put.url, { method: 'PUT', body: 'hello', headers: { 'Content-Type': 'text/plain' } });
    const get = await presignGet(objectKey, { purpose: 'download', ttlSeconds: 1 });
    const tampered = get.url.replace(objectKey, `${objectKey}x`);
    expect((await fetch(tampered)).status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await fetch(get.url)).status).toBe(403);
  });

  it('an UploadPart URL carries its part, cannot be replayed as another part, and the object reads back whole', async () => {
    const objectKey = key();
    // One (last, so any size) part: a 5 MiB first part took a minute on radosgw while the other test
    // files upload in parallel; many parts at once are library-multipart.test.ts's job.
    const parts = [randomBytes(123 * 1024)];
    const uploadId = await createMultipartUpload(objectKey, 'application/octet-stream');
    for (const [i, body] of parts.entries()) {
      const { url } = await presignUploadPart(objectKey, uploadId, i + 1);
      expect((await fetch(url, { method: 'PUT', body })).status).toBe(200);
    }
    const replayed = (await presignUploadPart(objectKey, uploadId, 3)).url.replace('partNumber=3', 'partNumber=4');
    expect((await fetch(replayed, { method: 'PUT', body: 'x' })).status).toBe(403);
    await completeMultipartUpload(objectKey, uploadId, (await listUploadedParts(objectKey, uploadId))!);
    const response = await fetch((await presignGet(objectKey, { purpose: 'download' })).url);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.concat(parts));
  });

  it('a POST form lands within its policy and is refused over its size bound or with another type', async () => {
    const post = async (contentType: string, size: number) => {
      const form = await presignPost(key(), { contentType: 'image/png', maxBytes: 4096 });
      const body = new FormData();
      for (const [name, value] of Object.entries({ ...form.fields, 'Content-Type': contentType }))
        body.append(name, value);
      body.append('file', new Blob([randomBytes(size)], { type: contentType }));
      return (await fetch(form.url, { method: 'POST', body })).status;
    };
    expect(await post('image/png', 3000)).toBe(204);
    expect(await post('image/png', 5000)).toBeGreaterThanOrEqual(400);
    expect(await post('text/html', 100)).toBeGreaterThanOrEqual(400);
  });

  it('never signs a download of a quarantined object', async () => {
    await expect(presignGet('avatars/quarantine/cluser0001/clupload01', { purpose: 'download' })).rejects.toThrow(
      /quarantined/,
    );
  });
});
