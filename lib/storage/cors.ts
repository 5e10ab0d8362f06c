import type { CORSRule } from '@aws-sdk/client-s3';

/**
 * The bucket's CORS rule: only the app's origin, only the methods the app's pages use, and ETag
 * exposed (the browser needs it to complete multipart uploads).
 */
export function corsRules(origins: string[]): CORSRule[] {
  return [
    {
      AllowedOrigins: origins,
      AllowedMethods: ['GET', 'HEAD', 'PUT', 'POST'],
      AllowedHeaders: ['*'],
      ExposeHeaders: ['ETag'],
      MaxAgeSeconds: 3000,
    },
  ];
}
