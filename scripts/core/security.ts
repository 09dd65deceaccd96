/**
 * The Content-Security-Policy every HTML file of the site carries (the Astro pages
 * through `Base.astro`, the redirect pages the build writes itself): scripts only from
 * this site (no inline script at all), WebAssembly for Pagefind, no plugins, no outside
 * requests. Inline styles stay allowed: Pagefind's UI sets some.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
