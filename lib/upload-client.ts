/**
 * Browser side of a direct upload: sends a file straight to S3 through a pre-signed POST form or
 * PUT URL (our server never sees the bytes) and reports progress. XMLHttpRequest, because fetch
 * has no upload progress events.
 */
export type UploadTarget =
  | { method: 'POST'; url: string; fields: Record<string, string> }
  | { method: 'PUT'; url: string; headers: Record<string, string> };

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** An upload S3 refused or that never reached it; `message` is written for the person uploading. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

function xmlValue(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}

/** What S3's error means for the person uploading, and what to do about it. */
export function explainS3Error(status: number, body: string): UploadError {
  const code = xmlValue(body, 'Code') ?? (status === 0 ? 'NetworkError' : `HTTP${status}`);
  const detail = `${xmlValue(body, 'Message') ?? ''}`.toLowerCase();
  if (code === 'EntityTooLarge')
    return new UploadError('The file is larger than allowed. Choose a smaller file.', code, status);
  if (code === 'EntityTooSmall') return new UploadError('The file is empty. Choose a file with content.', code, status);
  if (detail.includes('expired') || code === 'ExpiredToken')
    return new UploadError('The upload form expired before the file was sent. Try again.', 'Expired', status);
  if (code === 'NoSuchUpload')
    return new UploadError(
      'Storage no longer holds this upload: its parts were removed (aborted elsewhere or cleaned up). Discard it and upload the file again.',
      code,
      status,
    );
  if (code === 'NetworkError')
    return new UploadError(
      'The upload could not reach the storage server. Check your connection and try again.',
      code,
      status,
    );
  if (code === 'AccessDenied' || code === 'SignatureDoesNotMatch')
    return new UploadError(
      'Storage refused the file: its type or size does not match what was allowed. Choose a different file.',
      code,
      status,
    );
  return new UploadError(`The upload failed (${code}). Try again.`, code, status);
}

export function uploadToS3(
  target: UploadTarget,
  file: Blob,
  options: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<{ etag: string | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(target.method, target.url);
    let body: XMLHttpRequestBodyInit = file;
    if (target.method === 'POST') {
      const form = new FormData();
      for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
      form.append('file', file); // S3 ignores every field after the file
      body = form;
    } else {
      for (const [name, value] of Object.entries(target.headers)) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) =>
      options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve({ etag: xhr.getResponseHeader('ETag') });
      else reject(explainS3Error(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(explainS3Error(0, ''));
    xhr.onabort = () => reject(new UploadError('The upload was cancelled.', 'Aborted', 0));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
