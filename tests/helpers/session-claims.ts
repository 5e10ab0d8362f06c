/**
 * What lib/auth's auth() returns for an account signed in just now whose session is current, for
 * integration tests that choose the signed-in user by mocking auth() (currentUser() still checks
 * the account against the database):
 *
 *   vi.mock('@/lib/auth', async () => {
 *     const { currentSession } = await import('../helpers/session-claims');
 *     return { auth: async () => (session.userId ? currentSession(session.userId) : null) };
 *   });
 */
export function currentSession(userId: string, sessionVersion = 0) {
  return {
    user: {
      id: userId,
      sessionVersion,
      sessionId: `test-session-${userId}`,
      signedInAt: Math.floor(Date.now() / 1000),
    },
  };
}
