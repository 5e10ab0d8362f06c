import { personName } from '@/lib/accounts/input';

/** What Guestpass reads from a single sign-on provider's claims (userinfo): pure, so it is unit-tested. */
export interface SsoProfile {
  /** The provider's stable id of the person (`sub`). */
  subject: string;
  email: string | null;
  /** Only `email_verified: true` counts: an absent claim is not a verified address. */
  emailVerified: boolean;
  name: string | null;
  /** Whether the admin claim carries the admin value; null when no admin value is configured. */
  admin: boolean | null;
}

/**
 * `adminClaim` may hold a string, a list (groups, roles) or a boolean; it makes an admin when it is, or
 * contains, `adminValue` (compared as text, so `true` matches a boolean claim).
 */
export function readSsoProfile(
  claims: Record<string, unknown>,
  admin: { claim: string; value: string | undefined },
): SsoProfile {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
  // The same rules as a name typed in a form; a name they refuse counts as no name.
  const name = (value: unknown) => personName.safeParse(value).data ?? null;
  const held = claims[admin.claim];
  const values = Array.isArray(held) ? held : held === undefined || held === null ? [] : [held];
  return {
    subject: String(claims.sub ?? ''),
    email: text(claims.email),
    emailVerified: claims.email_verified === true,
    name: name(claims.name) ?? name([claims.given_name, claims.family_name].filter(Boolean).join(' ')),
    admin: admin.value === undefined ? null : values.some((v) => String(v) === admin.value),
  };
}
