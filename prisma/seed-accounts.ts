/** The development and test accounts: one place, read by the seed, the dev banner and the tests. */
export const SEED_PASSWORD = 'guestpass';

export const SEED_USERS = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'ADMIN' },
  { email: 'alice@example.com', name: 'Alice Customer', role: 'USER' },
  { email: 'bob@example.com', name: 'Bob Customer', role: 'USER' },
] as const;

/** Invited and not yet signed up: the invitation mail is in the development inbox, so the flow can be tried at once. */
export const SEED_INVITED = { email: 'carol@example.com', name: 'Carol Invited', role: 'USER' } as const;
