/**
 * A local static server for `dist/` (sirv, the server behind Vite's preview): right
 * content types, directory indexes, the site's own 404 page, and the site's `base`
 * sub-path honoured, so what works here works on a static host.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

export interface ServeOptions {
  dir: string;
  /** Sub-path the site is served under, e.g. `/kb/`. */
  base?: string;
  port?: number;
  host?: string;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function serveSite({
  dir,
  base = '/',
  port = 4321,
  host = '127.0.0.1',
}: ServeOptions): Promise<RunningServer> {
  if (!existsSync(join(dir, 'index.html')))
    throw new Error(`${dir} holds no built site: run "npm run build" first`);
  // `dev: true` looks files up per request, so a rebuild under a running server is served at once.
  const files = sirv(dir, { dev: true, etag: true, extensions: ['html'] });
  const notFound = existsSync(join(dir, '404.html'))
    ? readFileSync(join(dir, '404.html'))
    : Buffer.from('Not found');
  // No request or header deadline: a crawl of a large site (`kb check`) keeps connections
  // alive for minutes, and Node's default deadlines then answered some requests with 408.
  const server = createServer({ requestTimeout: 0, headersTimeout: 0 }, (req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.writeHead(302, { location: base }).end();
      return;
    }
    req.url = '/' + url.slice(base.length);
    files(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://${host}:${actualPort}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
