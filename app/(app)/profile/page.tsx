import type { Metadata } from 'next';
import { AvatarEditor } from '@/components/profile/avatar-editor';
import { EmailForm, NameForm, PasswordForm, SessionsSection } from '@/components/profile/account-forms';
import { PageHeader } from '@/components/ui/page-header';
import { ROLE_LABELS } from '@/lib/accounts/labels';
import { avatarUploadRules, myAvatar } from '@/lib/dal/avatars';
import { requireUser } from '@/lib/dal/session';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage() {
  const user = await requireUser();
  const avatar = await myAvatar();
  const { contentTypes, maxBytes } = avatarUploadRules();
  return (
    <>
      <PageHeader title="Profile" />
      <div className="space-y-6">
        <section className="flex flex-col gap-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <dl className="text-sm">
            <dt className="sr-only">Name</dt>
            <dd className="text-lg font-semibold text-slate-900">{user.name}</dd>
            <dt className="sr-only">Email</dt>
            <dd className="text-slate-600">{user.email}</dd>
            <dt className="sr-only">Role</dt>
            <dd className="mt-1 text-slate-500">{ROLE_LABELS[user.role]}</dd>
          </dl>
          <AvatarEditor
            name={user.name}
            avatarUrl={avatar?.url ?? null}
            contentTypes={contentTypes}
            maxBytes={maxBytes}
          />
        </section>
        <div className="grid gap-6 lg:grid-cols-2">
          <NameForm name={user.name} />
          <EmailForm email={user.email} />
          <PasswordForm email={user.email} />
          <SessionsSection />
        </div>
      </div>
    </>
  );
}
