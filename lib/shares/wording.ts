/**
 * Why a library file may not be deleted while shares still offer it: names up to three of them, so
 * the admin knows where to look.
 */
export function fileInActiveSharesMessage(shareTitles: string[]): string {
  const count = shareTitles.length;
  const titles = shareTitles
    .slice(0, 3)
    .map((title) => `“${title}”`)
    .join(', ');
  const more = count > 3 ? ` and ${count - 3} more` : '';
  const [shares, those, them] =
    count === 1 ? ['an active share', 'that share', 'it'] : [`${count} active shares`, 'those shares', 'them'];
  return `This file is in ${shares} (${titles}${more}). Remove it from ${those} or revoke ${them} first.`;
}
