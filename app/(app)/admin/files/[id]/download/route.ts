import { libraryFileDownload } from '@/lib/dal/library-files';
import { contextFromHeaders } from '@/lib/request-context';
import { statusResponse } from '@/lib/status-response';

/** GET: 303 to a short-lived pre-signed GET (saved as an attachment) for admins; 403 or 404 pages otherwise. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const decision = await libraryFileDownload(id, contextFromHeaders(request.headers));
  const noStore = { 'Cache-Control': 'no-store' };
  if (decision.outcome === 'granted')
    return new Response(null, { status: 303, headers: { Location: decision.url, ...noStore } });
  return statusResponse(request, decision.outcome === 'forbidden' ? 'admins-only' : 'file-not-found');
}
