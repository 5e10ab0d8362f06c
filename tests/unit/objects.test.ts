import { NoSuchKey, NoSuchUpload, S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { isNotFound } from '@/lib/storage/objects';

// The SDK's own error classes, as its deserialisers build them from S3's answers.
const answered = (status: number, name = 'Error') =>
  new S3ServiceException({ name, $fault: status < 500 ? 'client' : 'server', $metadata: { httpStatusCode: status } });

describe('isNotFound', () => {
  it('is true for every 404, whatever the error is called', () => {
    expect(
      isNotFound(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } })),
    ).toBe(true);
    expect(
      isNotFound(
        new NoSuchUpload({ message: 'The specified upload does not exist.', $metadata: { httpStatusCode: 404 } }),
      ),
    ).toBe(true);
    // HeadObject has no body, so the SDK can only name it "NotFound".
    expect(isNotFound(answered(404, 'NotFound'))).toBe(true);
  });

  it('is false for refusals, server errors and errors that never reached S3', () => {
    expect(isNotFound(answered(403, 'AccessDenied'))).toBe(false);
    expect(isNotFound(answered(500, 'InternalError'))).toBe(false);
    expect(isNotFound(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toBe(
      false,
    );
    expect(isNotFound(undefined)).toBe(false);
  });
});
