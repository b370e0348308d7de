// Serves the built lab (web/dist) on 127.0.0.1: a tiny static server with no dependency. Port from $PORT or 5173;
// when that port is taken, any free port. Prints the address. Used by `npm start` (after `npm run build:web`).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../web/dist', import.meta.url)));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

/** A request handler serving files under `directory` (index.html for folders; no path escapes the root). */
export function staticHandler(directory) {
  return (request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end('bad request');
      return;
    }
    let file = normalize(join(directory, path));
    if (file !== directory && !file.startsWith(directory + sep)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
}

/** Listens on 127.0.0.1:`port`, or on a free port when `port` is taken; resolves to the server and its address. */
export function serve(directory = root, port = Number(process.env.PORT ?? 5173)) {
  const server = createServer(staticHandler(directory));
  return new Promise((resolvePromise, reject) => {
    const listen = (wanted) => server.listen(wanted, '127.0.0.1');
    server.once('listening', () => {
      const address = server.address();
      resolvePromise({ server, url: `http://127.0.0.1:${address.port}/` });
    });
    server.on('error', (error) => {
      if (error.code === 'EADDRINUSE' && port !== 0) {
        port = 0;
        listen(0);
      } else reject(error);
    });
    listen(port);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(root, 'index.html'))) {
    console.error('web/dist/index.html is missing: run `npm run build:web` first (or `npm start`, which builds and serves).');
    process.exit(1);
  }
  const { url } = await serve();
  console.log(`Membrane lab: ${url}`);
  console.log('Press Ctrl+C to stop.');
}
