import 'server-only';
import { cookies } from 'next/headers';
import { THEME_COOKIE, themeFrom, type Theme } from '@/lib/theme';

/** The theme this request renders in (the reader's remembered choice, or the system's). */
export async function requestTheme(): Promise<Theme> {
  return themeFrom((await cookies()).get(THEME_COOKIE)?.value);
}
