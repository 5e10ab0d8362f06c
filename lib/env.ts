import 'server-only';
import { z } from 'zod';
import { DEFAULT_NONCURRENT_VERSION_DAYS } from '@/lib/storage/lifecycle';
import { ACCESS_POINT_VARIABLES, type AccessPointVariable } from '@/lib/storage/security/use-cases';
import {
  HARD_CAP,
  URL_PURPOSE_IDS,
  URL_PURPOSES,
  type TtlVariable,
  type UrlPurposeRow,
} from '@/lib/storage/url-purposes';

/** Seven days: the longest lifetime SigV4 allows for a pre-signed URL. */
export const SIGV4_MAX_TTL_SECONDS = 604_800;

const seconds = (fallback: number) =>
  z.coerce
    .number()
    .int('must be a whole number of seconds')
    .positive('must be positive')
    .max(SIGV4_MAX_TTL_SECONDS, 'must be at most 604800 (7 days, the SigV4 limit)')
    .default(fallback);

const MIB = 1024 * 1024;
/** S3's own bounds: a part is 5 MiB to 5 GiB (only the last may be smaller); an object at most 5 TiB. */
export const S3_MIN_PART_BYTES = 5 * MIB;
export const S3_MAX_PART_BYTES = 5 * 1024 * MIB;
export const S3_MAX_OBJECT_BYTES = 5 * 1024 * 1024 * MIB;
/** S3 numbers the parts of a multipart upload 1 to 10,000. */
export const S3_MAX_PARTS = 10_000;

const byteCount = (fallback: number, min: number, max: number, bounds: string) =>
  z.coerce
    .number()
    .int('must be a whole number of bytes')
    .min(min, `must be at least ${min} (${bounds})`)
    .max(max, `must be at most ${max} (${bounds})`)
    .default(fallback);

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** An S3 Access Point, by ARN (arn:aws:s3:<region>:<account>:accesspoint/<name>) or by alias (<name>-<id>-s3alias). */
export const ACCESS_POINT_ARN =
  /^arn:aws[a-z-]*:s3:([a-z0-9-]+):(\d{12}):accesspoint\/([a-z0-9][a-z0-9-]{1,48}[a-z0-9])$/;
const ACCESS_POINT_ALIAS = /^[a-z0-9][a-z0-9-]{1,48}-[a-z0-9]+-s3alias$/;
const accessPoint = z
  .string()
  .refine(
    (v) => ACCESS_POINT_ARN.test(v) || ACCESS_POINT_ALIAS.test(v),
    'must be an S3 Access Point ARN (arn:aws:s3:<region>:<account>:accesspoint/<name>) or alias (<name>-<id>-s3alias)',
  )
  .optional();

/** One lifetime variable per URL purpose (lib/storage/url-purposes.ts), with its default. */
const ttlVariables = Object.fromEntries(
  URL_PURPOSE_IDS.map((p) => [URL_PURPOSES[p].variable, seconds(URL_PURPOSES[p].defaultSeconds)]),
) as Record<TtlVariable, ReturnType<typeof seconds>>;

/** One optional Access Point per use case that may have one (lib/storage/security/use-cases.ts). */
const accessPointVariables = Object.fromEntries(ACCESS_POINT_VARIABLES.map((name) => [name, accessPoint])) as Record<
  AccessPointVariable,
  typeof accessPoint
>;

/**
 * Variables that were renamed. A deployment that still sets the old name is stopped with the new
 * one, rather than silently losing the setting (for an Access Point, its traffic would bypass it).
 */
const RENAMED: Record<string, string> = {
  S3_ACCESS_POINT_PARTNER_FILES: 'S3_ACCESS_POINT_LIBRARY',
  // next-auth's own name for the app's address; Guestpass hands Auth.js APP_URL itself
  // (app/api/auth/[...nextauth]/route.ts), and the two must not disagree.
  AUTH_URL: 'APP_URL',
  NEXTAUTH_URL: 'APP_URL',
};

/** Every variable the app reads, with its rule and default. */
const envShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL'),
  APP_URL: z
    .url('must be the absolute URL the app is served at, e.g. https://files.example.com')
    .transform((u) => u.replace(/\/$/, '')),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (generate one with `openssl rand -base64 32`)'),

  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be a valid S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)',
    ),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be an AWS region such as eu-west-1')
    .default('us-east-1'),
  S3_ENDPOINT: z.url('must be a URL such as http://127.0.0.1:7480').optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.optional(),
  /** How long the app waits for S3 to accept a connection, and for each answer (idle time), before it gives up. */
  S3_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().max(60_000).default(3_000),
  S3_IDLE_TIMEOUT_MS: z.coerce.number().int().positive().max(300_000).default(15_000),

  // Access control (lib/storage/security): see README, "How Guestpass uses each S3 access-control mechanism".
  /** Origins besides APP_URL that may call the bucket from a browser (comma-separated). */
  S3_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim().replace(/\/$/, ''))
        .filter(Boolean),
    )
    .pipe(z.array(z.url('each entry must be an origin such as https://files.example.com'))),
  /** Deny non-TLS requests in the bucket policy: auto = only when the endpoint is https (AWS always is). */
  S3_REQUIRE_TLS: z.enum(['auto', 'true', 'false'], 'must be auto, true or false').default('auto'),
  /** Restrict the bucket to this VPC endpoint (aws:SourceVpce). Can lock out the console: read the README first. */
  S3_VPC_ENDPOINT_ID: z
    .string()
    .regex(/^vpce-[0-9a-f]{8,17}$/, 'must be a VPC endpoint id such as vpce-0123456789abcdef0')
    .optional(),
  /** The IAM role the app runs as; the principal of the emitted access point and VPC endpoint policies. */
  S3_APP_ROLE_ARN: z
    .string()
    .regex(
      /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/,
      'must be an IAM role ARN such as arn:aws:iam::123456789012:role/guestpass-app',
    )
    .optional(),
  /** Access Points per use case, used instead of S3_BUCKET for keys under that use case's prefix. */
  ...accessPointVariables,

  // Pre-signed URL lifetimes, one per purpose (lib/storage/ttl.ts owns the policy).
  ...ttlVariables,
  [HARD_CAP.variable]: seconds(SIGV4_MAX_TTL_SECONDS),

  AVATAR_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .max(50 * 1024 * 1024, 'must be at most 50 MB')
    .default(5 * 1024 * 1024),
  INVOICE_MAX_BYTES: z.coerce
    .number()
    .int('must be a whole number of bytes')
    .positive('must be positive')
    .max(100 * 1024 * 1024, 'must be at most 100 MB')
    .default(10 * 1024 * 1024),

  // File library (admins' uploads): per-file and per-uploader limits, and how uploads are split.
  LIBRARY_MAX_FILE_BYTES: byteCount(S3_MAX_OBJECT_BYTES, 1, S3_MAX_OBJECT_BYTES, 'S3 stores objects up to 5 TiB'),
  LIBRARY_QUOTA_BYTES: byteCount(1024 * 1024 * MIB, 1, Number.MAX_SAFE_INTEGER, 'total bytes one uploader may store'),
  LIBRARY_MULTIPART_THRESHOLD_BYTES: byteCount(
    16 * MIB,
    S3_MIN_PART_BYTES,
    S3_MAX_PART_BYTES,
    'files from this size up go in parts; 5 MiB to 5 GiB',
  ),
  // 16 MiB: the best point of `npm run bench`'s upload curve in both recorded runs (see the README).
  LIBRARY_PART_SIZE_BYTES: byteCount(16 * MIB, S3_MIN_PART_BYTES, S3_MAX_PART_BYTES, 'S3 parts are 5 MiB to 5 GiB'),
  LIBRARY_ABANDONED_UPLOAD_HOURS: z.coerce.number().positive('must be a positive number of hours').default(24),

  /**
   * Proxies in front of the app that append to X-Forwarded-For (a load balancer, a CDN): 0 = none, the
   * client address is the socket's peer; N = the Nth entry from the right. Too high lets clients forge it.
   */
  TRUSTED_PROXY_HOPS: z.coerce
    .number()
    .int('must be a whole number of proxies')
    .min(0, 'must be 0 (no proxy) or more')
    .max(10, 'must be at most 10')
    .default(0),
  /** How long `npm start` keeps an idle connection open, in ms (scripts/start.mjs sets it; Next reads it). */
  KEEP_ALIVE_TIMEOUT: z.coerce
    .number()
    .int('must be a whole number of milliseconds')
    .min(1_000, 'must be at least 1000 (ms)')
    .max(600_000, 'must be at most 600000 (ms)')
    .optional(),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(30),
  LOGIN_THROTTLE_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),

  // Partner share links: wrong passwords per link inside a sliding window, and how long an unlock lasts.
  SHARE_UNLOCK_MAX_FAILURES: z.coerce.number().int('must be a whole number').positive('must be positive').default(5),
  SHARE_UNLOCK_WINDOW_MINUTES: z.coerce
    .number()
    .int('must be a whole number of minutes')
    .positive('must be positive')
    .default(15),
  SHARE_UNLOCK_HOURS: z.coerce
    .number()
    .int('must be a whole number of hours')
    .positive('must be positive')
    .max(720, 'must be at most 720 (30 days)')
    .default(12),
  // Mail (lib/mail): every mail is queued in PostgreSQL and sent over SMTP_URL by the job worker.
  // `npm run dev` and the tests point SMTP_URL at their own maildev; production must set it.
  SMTP_URL: z
    .url('must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@smtp.example.com')
    .refine((u) => /^smtps?:\/\//.test(u), 'must start with smtp:// or smtps://')
    .optional(),
  /** The sender; without it, APP_NAME <no-reply@(APP_URL's host)>. */
  MAIL_FROM: z.string().min(3, 'must be a sender address, e.g. "Guestpass <files@example.com>"').optional(),
  /** The organisation's name: in every mail, on the partner page ("Ada from Acme shared…"), and the sender's name when MAIL_FROM is not set. */
  APP_NAME: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters').default('Guestpass'),
  // Single sign-on through an OpenID Connect provider (lib/auth.ts, lib/dal/sso.ts): off unless
  // SSO_ISSUER is set. See README, "Single sign-on (OpenID Connect)".
  /** The provider's issuer, exactly as its /.well-known/openid-configuration states it. */
  SSO_ISSUER: z.url('must be the OpenID issuer URL, e.g. https://login.example.com/realms/staff').optional(),
  SSO_CLIENT_ID: z.string().trim().min(1, 'must not be empty').optional(),
  SSO_CLIENT_SECRET: z.string().min(1, 'must not be empty').optional(),
  /** The text of the sign-in button. */
  SSO_BUTTON_LABEL: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(60, 'must be at most 60 characters')
    .default('Sign in with single sign-on'),
  /** The scopes asked for; the email address (scope `email`) is required. */
  SSO_SCOPES: z
    .string()
    .trim()
    .default('openid email profile')
    .refine((v) => v.split(/\s+/).includes('openid'), 'must include openid'),
  /** Email domains SSO admits (comma-separated, e.g. example.com,example.org); empty (any) only with SSO_REQUIRE_INVITE. */
  SSO_ALLOWED_DOMAINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'each entry must be a domain such as example.com'))),
  /** The claim that can make an account an admin, and the value (or one of the list's values) that does. */
  SSO_ADMIN_CLAIM: z.string().trim().min(1, 'must not be empty').default('groups'),
  SSO_ADMIN_VALUE: z.string().trim().min(1, 'must not be empty').optional(),
  /** Admit through SSO only people who already have an account (invited or active); otherwise new people get one. */
  SSO_REQUIRE_INVITE: booleanFlag.default(false),
  /** When the cleanup tasks (storage, expired records) run (cron, UTC), once across all app instances. */
  CLEANUP_SCHEDULE: z
    .string()
    .regex(/^\S+( \S+){4}$/, 'must be a 5-field cron expression (minute hour day month weekday), e.g. "0 * * * *"')
    .default('0 * * * *'),
  /** Days a replaced or deleted object's old version is kept (versioned buckets) before S3 expires it. */
  S3_NONCURRENT_VERSION_DAYS: z.coerce
    .number()
    .int('must be a whole number of days')
    .positive('must be positive')
    .max(3650, 'must be at most 3650 (10 years)')
    .default(DEFAULT_NONCURRENT_VERSION_DAYS),
};

export type Env = z.infer<z.ZodObject<typeof envShape>>;
export type EnvVariable = keyof typeof envShape;

/**
 * Rules across variables. A task's schema may hold only some of them (see TASK_VARIABLES): each
 * rule runs when the variables it compares are part of the schema.
 */
function crossCheck(env: Partial<Env>, ctx: z.RefinementCtx, names: ReadonlySet<EnvVariable>) {
  // Without SMTP every mail would wait in the outbox until its retries fail: say so at start instead.
  if (names.has('SMTP_URL') && env.NODE_ENV === 'production' && !env.SMTP_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['SMTP_URL'],
      message: 'is required in production: invitations, sign-in links and share notices are sent through it',
    });
  }
  if (names.has('SSO_ISSUER') && env.SSO_ISSUER) {
    for (const name of ['SSO_CLIENT_ID', 'SSO_CLIENT_SECRET'] as const)
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when SSO_ISSUER is set' });
    // With sign-up open, an issuer such as a public provider would let anyone in the world create an account.
    if (!env.SSO_REQUIRE_INVITE && env.SSO_ALLOWED_DOMAINS?.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['SSO_ALLOWED_DOMAINS'],
        message: 'is required when SSO creates accounts: list the domains it may admit, or set SSO_REQUIRE_INVITE=true',
      });
  } else if (names.has('SSO_ISSUER') && (env.SSO_CLIENT_ID || env.SSO_CLIENT_SECRET)) {
    ctx.addIssue({ code: 'custom', path: ['SSO_ISSUER'], message: 'is required when SSO_CLIENT_ID is set' });
  }
  for (const purpose of URL_PURPOSE_IDS) {
    const { variable, ceiling }: UrlPurposeRow = URL_PURPOSES[purpose];
    const value = env[variable as TtlVariable];
    if (value === undefined) continue;
    if (env.TTL_HARD_CAP_SECONDS !== undefined && value > env.TTL_HARD_CAP_SECONDS) {
      ctx.addIssue({
        code: 'custom',
        path: [variable],
        message: `must not exceed TTL_HARD_CAP_SECONDS (${env.TTL_HARD_CAP_SECONDS})`,
      });
    }
    if (ceiling && value > ceiling.seconds) {
      ctx.addIssue({
        code: 'custom',
        path: [variable],
        message: `must be at most ${ceiling.seconds} (${ceiling.reason})`,
      });
    }
  }
  for (const name of ACCESS_POINT_VARIABLES) {
    const arn = env[name] && ACCESS_POINT_ARN.exec(env[name]);
    if (env[name] && env.S3_ENDPOINT) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: 'cannot be used with S3_ENDPOINT: access points exist on AWS S3 only',
      });
    } else if (arn && arn[1] !== env.S3_REGION) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `is in region ${arn[1]}, but S3_REGION is ${env.S3_REGION}: an access point must be in the bucket's region`,
      });
    }
  }
}

const ALL_VARIABLES = Object.keys(envShape) as EnvVariable[];
/** What every task that talks to the bucket reads: where it is and how to address it. */
const STORAGE_VARIABLES: EnvVariable[] = [
  'NODE_ENV',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ENDPOINT',
  'S3_FORCE_PATH_STYLE',
  'S3_CONNECT_TIMEOUT_MS',
  'S3_IDLE_TIMEOUT_MS',
  ...ACCESS_POINT_VARIABLES,
];
/** URL lifetimes (lib/storage/ttl.ts reads them all at once). */
const TTL_VARIABLES: EnvVariable[] = [...URL_PURPOSE_IDS.map((p) => URL_PURPOSES[p].variable), HARD_CAP.variable];
/** What the access-control tasks read besides: the app's origin (the CORS rule), policies, URL lifetimes, lifecycle. */
const BUCKET_SECURITY_VARIABLES: EnvVariable[] = [
  ...STORAGE_VARIABLES,
  'APP_URL',
  'S3_CORS_ORIGINS',
  'S3_REQUIRE_TLS',
  'S3_VPC_ENDPOINT_ID',
  'S3_APP_ROLE_ARN',
  'S3_NONCURRENT_VERSION_DAYS',
  ...TTL_VARIABLES,
];

/**
 * The variables each process validates, one table: the server checks all of them at boot; a CLI
 * task checks only what it reads, so that an operator can run `s3:audit` with nothing but storage
 * settings and credentials. A task that reads a variable outside its row fails loudly (see `env`).
 */
export const TASK_VARIABLES = {
  server: ALL_VARIABLES,
  // The job worker on its own (npm run worker) does the server's background work: mail and cleanup.
  worker: ALL_VARIABLES,
  // Creates an account and prints its set-password link: no storage, no mail.
  'users:create': ['NODE_ENV', 'DATABASE_URL', 'APP_URL'],
  's3:audit': BUCKET_SECURITY_VARIABLES,
  's3:harden': BUCKET_SECURITY_VARIABLES,
  'storage:cleanup': [...STORAGE_VARIABLES, ...TTL_VARIABLES, 'DATABASE_URL'],
  'storage:cleanup-multipart': [
    ...STORAGE_VARIABLES,
    'DATABASE_URL',
    'LIBRARY_ABANDONED_UPLOAD_HOURS',
    'LIBRARY_MAX_FILE_BYTES',
    'LIBRARY_QUOTA_BYTES',
    'LIBRARY_MULTIPART_THRESHOLD_BYTES',
    'LIBRARY_PART_SIZE_BYTES',
  ],
} satisfies Record<string, EnvVariable[]>;

export type EnvTask = keyof typeof TASK_VARIABLES;

/** The schema of one task: its variables' rules, and the cross-variable rules among them. */
export function envSchemaFor(task: EnvTask) {
  const names = new Set<EnvVariable>(TASK_VARIABLES[task]);
  const shape = Object.fromEntries(Object.entries(envShape).filter(([name]) => names.has(name as EnvVariable)));
  return z.object(shape).superRefine((value, ctx) => crossCheck(value as Partial<Env>, ctx, names));
}

/** Parses a set of variables; throws one readable error that names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>, task: EnvTask = 'server'): Env {
  const result = envSchemaFor(task).safeParse(source);
  const renamed = Object.entries(RENAMED)
    .filter(([old]) => source[old] !== undefined)
    .map(([old, name]) => `  - ${old} was renamed to ${name}: set that instead`);
  if (result.success && renamed.length === 0) return result.data as Env;
  const lines = (result.error?.issues ?? []).map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const message =
      issue.code === 'invalid_type' && source[name] === undefined ? 'is required but not set' : issue.message;
    return `  - ${name} ${message}`;
  });
  lines.push(...renamed);
  throw new Error(`Invalid environment configuration:\n${lines.join('\n')}\nSee README.md, "Configuration".`);
}

let task: EnvTask = 'server';
let cached: Env | undefined;

/**
 * Validates the process's variables now and stops it (exit 1, naming every bad variable) when one
 * is wrong: the server at boot (instrumentation.ts), a CLI task before it does anything. A task
 * may read only its own variables afterwards.
 */
export function loadEnv(name: EnvTask): void {
  task = name;
  cached = undefined;
  try {
    cached = parseEnv(process.env, name);
  } catch (error) {
    console.error(
      `${name === 'server' ? 'Guestpass cannot start' : `npm run ${name} cannot run`}. ${(error as Error).message}`,
    );
    process.exit(1);
  }
}

/**
 * The validated environment, parsed on first use (not at import, so that `next build` can run
 * without production secrets) and then fixed for the life of the process. The server validates it
 * at boot (instrumentation.ts).
 */
export const env: Env = new Proxy({} as Env, {
  get(_target, name: string) {
    if (task !== 'server' && name in envShape && !(TASK_VARIABLES[task] as string[]).includes(name))
      throw new Error(`${name} is not among the variables of ${task} (TASK_VARIABLES in lib/env.ts)`);
    cached ??= parseEnv(process.env, task);
    return cached[name as keyof Env];
  },
});
