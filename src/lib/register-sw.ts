/**
 * Registers the service worker (`scripts/astro/service-worker.ts`) that keeps visited
 * pages and the search index for offline reading. Its URL comes from
 * `<meta name="dossier-sw">`, which carries the site's base; pages opened from disk (the
 * portable copy, where the meta is gone and file:// allows no worker) skip it.
 */
const meta = document.querySelector<HTMLMetaElement>('meta[name="dossier-sw"]');
if (meta?.content && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  const url = meta.content;
  const scope = url.slice(0, url.lastIndexOf('/') + 1);
  // After the page has loaded, so precaching never competes with the page itself.
  const register = () =>
    navigator.serviceWorker.register(url, { scope }).catch((error: unknown) => {
      console.warn('Offline reading is unavailable:', error);
    });
  if (document.readyState === 'complete') void register();
  else addEventListener('load', () => void register(), { once: true });
}
