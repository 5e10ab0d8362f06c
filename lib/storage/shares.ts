import 'server-only';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { bucket, s3 } from '@/lib/storage/client';

/**
 * Stores bytes under a key the server built (lib/storage/keys.ts), from the server itself. Used to
 * seed shared files in tests and scripts; people upload through the library's pre-signed flow.
 */
export async function putObjectBytes(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
  await s3().send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength }));
}
