import { expect, type Page } from '@playwright/test';
import { SEED_PASSWORD } from '../../prisma/seed-accounts';

export const ACCOUNTS = {
  admin: { email: 'admin@example.com', name: 'Ada Admin' },
  alice: { email: 'alice@example.com', name: 'Alice Customer' },
  bob: { email: 'bob@example.com', name: 'Bob Customer' },
} as const;

/** Signs in through the login form, as a person would, and waits for the signed-in header. */
export async function signIn(page: Page, who: keyof typeof ACCOUNTS, path = '/login') {
  await page.goto(path);
  await page.getByLabel('Email').fill(ACCOUNTS[who].email);
  await page.getByLabel('Password').fill(SEED_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
}

/** The page's own alert, not Next's route announcer (an alert too, which reads out each new page's title). */
export function formAlert(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)').filter({ hasText: /\S/ });
}
