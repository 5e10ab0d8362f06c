import { expect, type Locator, type Page } from '@playwright/test';
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

/** On the new-share form: one recipient row per partner, adding rows as needed. */
export async function fillRecipients(page: Page, recipients: { name: string; email: string }[]) {
  for (const [index, recipient] of recipients.entries()) {
    if (index > 0) await page.getByRole('button', { name: 'Add recipient' }).click();
    await page.getByLabel(`Recipient ${index + 1} Name`).fill(recipient.name);
    await page.getByLabel(`Recipient ${index + 1} Email`).fill(recipient.email);
  }
}

/** Chooses a customer as an admin does: types into the search by `label` in `scope`, then clicks the match. */
export async function chooseCustomer(scope: Page | Locator, label: string, typed: string, option: string | RegExp) {
  const search = scope.getByRole('combobox', { name: label, exact: true });
  await search.fill(typed);
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await scope.getByRole('listbox', { name: 'Customers' }).getByRole('option', { name: option }).click();
  await expect(search).toHaveAttribute('aria-expanded', 'false');
}
