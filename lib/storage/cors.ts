import type { CORSRule } from '@aws-sdk/client-s3';

/** The methods the app's pages use against the bucket: downloads (GET, HEAD) and uploads (PUT, POST). */
export const CORS_METHODS = ['GET', 'HEAD', 'PUT', 'POST'] as const;

/**
 * The bucket's CORS rule: only the app's origin, only the methods the app's pages use, and ETag
 * exposed (the browser needs it to complete multipart uploads). Any request header is allowed: a
 * pre-signed request's signature already binds the headers that matter (Content-Type).
 */
export function corsRules(origins: string[]): CORSRule[] {
  return [
    {
      AllowedOrigins: origins,
      AllowedMethods: [...CORS_METHODS],
      AllowedHeaders: ['*'],
      ExposeHeaders: ['ETag'],
      MaxAgeSeconds: 3000,
    },
  ];
}

/** What is wrong with a bucket's CORS rules, compared with what the app needs; empty when nothing is. */
export function corsProblems(rules: CORSRule[], origins: string[]): string[] {
  if (rules.length === 0) return ['no CORS rule: browsers cannot upload or read ETag'];
  const problems: string[] = [];
  for (const rule of rules) {
    const strangers = (rule.AllowedOrigins ?? []).filter((o) => !origins.includes(o));
    if (strangers.includes('*')) problems.push('a rule allows every origin ("*")');
    else if (strangers.length) problems.push(`a rule allows origins the app does not use: ${strangers.join(', ')}`);
    const methods = (rule.AllowedMethods ?? []).filter((m) => !(CORS_METHODS as readonly string[]).includes(m));
    if (methods.length) problems.push(`a rule allows methods the app does not use: ${methods.join(', ')}`);
  }
  const covered = origins.filter((o) =>
    rules.some((r) => r.AllowedOrigins?.includes(o) && r.ExposeHeaders?.some((h) => h.toLowerCase() === 'etag')),
  );
  if (covered.length < origins.length)
    problems.push(`no rule for ${origins.filter((o) => !covered.includes(o)).join(', ')} with ETag exposed`);
  return problems;
}
