import { AppHeader } from '@/components/layout/app-header';
import { myAvatar } from '@/lib/dal/avatars';
import { requireUser } from '@/lib/dal/session';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const avatar = await myAvatar();
  return (
    <>
      <AppHeader user={user} avatarUrl={avatar?.url} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </>
  );
}
