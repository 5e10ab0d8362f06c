// Target 5: a page of 50 photos rendered twice in one window. Counts the URLs signed (each distinct
// promise avatarDisplayUrl hands out is one signature) and checks that the second render hands out
// the very same URLs, which the browser then serves from its cache (Cache-Control: immutable).
import { avatarDisplayUrl } from '@/lib/storage/avatars';
import { report } from './measure';

const photoKeys: string[] = JSON.parse(process.env.BENCH_PHOTO_KEYS ?? '[]');
const signed = new Set<Promise<unknown>>();
const render = async () => {
  const t0 = performance.now();
  const urls = await Promise.all(
    photoKeys.map((key) => {
      const url = avatarDisplayUrl(key);
      signed.add(url);
      return url;
    }),
  );
  return { urls: urls.map((u) => u.url), ms: performance.now() - t0 };
};
const first = await render();
const signedFirst = signed.size;
const second = await render();
report({
  photos: photoKeys.length,
  signedFirstRender: signedFirst,
  signedSecondRender: signed.size - signedFirst,
  sameUrls: first.urls.every((url, i) => url === second.urls[i]),
  firstRenderMs: first.ms,
  secondRenderMs: second.ms,
});
