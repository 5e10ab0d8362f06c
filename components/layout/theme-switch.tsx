import { ThemeToggle } from '@/components/ui/theme-toggle';
import { requestTheme } from '@/components/layout/theme';

export async function ThemeSwitch() {
  return <ThemeToggle initial={await requestTheme()} />;
}
