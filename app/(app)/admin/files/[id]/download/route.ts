import { libraryFileDownload } from '@/lib/dal/library-files';
import { contextFromHeaders } from '@/lib/request-context';

/** GET: 303 to a short-lived pre-signed GET (saved as an attachment) for admins; 403 or 404 otherwise. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const decision = await libraryFileDownload(id, contextFromHeaders(request.headers));
  const noStore = { 'Cache-Control': 'no-store' };
  if (decision.outcome === 'granted')
    return new Response(null, { status: 303, headers: { Location: decision.url, ...noStore } });
  if (decision.outcome === 'forbidden') return new Response('Admins only.', { status: 403, headers: noStore });
  return new Response('No such file.', { status: 404, headers: noStore });
}
