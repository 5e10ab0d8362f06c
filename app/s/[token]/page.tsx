import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { PublicShell } from '@/components/layout/public-shell';
import { buttonStyles } from '@/components/ui/button-styles';
import { DeadLinkNotice } from '@/components/shares/dead-link-notice';
import { RelativeTime } from '@/components/ui/relative-time';
import { UnlockForm } from '@/components/shares/unlock-form';
import { openShareLink, type PartnerShareView } from '@/lib/dal/share-access';
import { DownloadAll } from '@/components/shares/download-all';
import { FilePreview } from '@/components/shares/file-preview';
import { FileSummary } from '@/components/ui/file-type-icon';
import { env } from '@/lib/env';
import { previewKind } from '@/lib/files/file-kind';
import { formatBytes, formatCount } from '@/lib/format';
import { requestContext } from '@/lib/request-context';
import { secureCookies } from '@/lib/secure-cookies';
import { unlockCookieName } from '@/lib/shares/unlock-cookie';

export const metadata: Metadata = { title: 'Shared files', robots: { index: false, follow: false } };

/**
 * A partner's link (public: no account). An unknown token is a real 404. A revoked, expired or used-up
 * link shows the same words as the download route's 410 page, but with status 200: an App Router page
 * streams and cannot choose a 410. Every file click goes through the route handler, which does answer
 * 410, so what a partner can actually fetch is refused with the right status.
 */
export default async function SharedFilesPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const unlockCookies = (await cookies()).getAll(unlockCookieName(secureCookies())).map((c) => c.value);
  const link = await openShareLink(token, unlockCookies, await requestContext());
  if (link.outcome === 'not-found') notFound();
  return (
    <PublicShell home={false}>
      {link.outcome === 'dead' ? (
        <DeadLinkNotice kind={link.reason} />
      ) : (
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
          <LiveShare token={token} view={link.view} />
        </div>
      )}
    </PublicShell>
  );
}

function LiveShare({ token, view }: { token: string; view: PartnerShareView }) {
  if (!view.unlocked) {
    return (
      <>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Shared files</h1>
        <p className="mt-2 text-slate-700">These files are protected by a password. Enter it to see them.</p>
        <p className="mt-2 text-sm text-slate-600">
          Access ends <RelativeTime value={view.expiresAt} />.
        </p>
        <div className="mt-6 border-t border-slate-200 pt-6">
          <UnlockForm token={token} />
        </div>
      </>
    );
  }
  const remaining = view.maxDownloads === null ? null : view.maxDownloads - view.downloadCount;
  const fileHref = (id: string) => `/s/${encodeURIComponent(token)}/files/${encodeURIComponent(id)}`;
  return (
    <>
      <p className="text-sm text-slate-600">
        {view.senderName ? (
          <>
            <span className="font-medium text-slate-900">{view.senderName}</span> from {env.APP_NAME}
          </>
        ) : (
          env.APP_NAME
        )}{' '}
        shared these files with {view.recipientName}
      </p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900">{view.title}</h1>
      {view.message && <p className="mt-3 whitespace-pre-line text-slate-700">{view.message}</p>}
      <p className="mt-4 text-sm text-slate-600">
        {formatCount(view.files.length, 'file')} · {formatBytes(view.totalBytes)} · Access ends{' '}
        <RelativeTime value={view.expiresAt} />
        {remaining !== null && `. ${formatCount(remaining, 'download')} left`}.
      </p>
      <section aria-labelledby="files-heading" className="mt-6 border-t border-slate-200 pt-6">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <h2 id="files-heading" className="text-base font-semibold text-slate-900">
            Files
          </h2>
          {view.files.length > 1 && (
            <DownloadAll token={token} files={view.files} zipName={`${zipBaseName(view.title)}.zip`} />
          )}
        </div>
        {view.files.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">
            There are no files in this share right now. Ask the sender if you expected some.
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {view.files.map((file) => {
              const preview = previewKind(file.contentType);
              return (
                <li key={file.id} className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <FileSummary file={file} />
                  <div className="flex shrink-0 gap-2">
                    {preview && <FilePreview href={`${fileHref(file.id)}/preview`} name={file.name} kind={preview} />}
                    {/* A plain link, not next/link: the route answers with a redirect to storage, never a page to prefetch. */}
                    <a href={fileHref(file.id)} className={buttonStyles.secondary} aria-label={`Download ${file.name}`}>
                      Download
                    </a>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

/** The zip's name from the share's title, without characters file systems refuse. */
function zipBaseName(title: string): string {
  return (
    title
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .trim()
      .slice(0, 100) || 'files'
  );
}
