/**
 * How long a session lasts from sign-in: the cookie's lifetime, and the longest a session lives
 * however often its cookie is refreshed (lib/dal/session.ts).
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
