// nginx running the README's recipe, docs/nginx.conf, as written (only the folder path and,
// for embeds, the allowed framing sites are replaced), on a loopback port.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Waits until `url` answers (any status). */
export async function answering(url, what) {
  for (let i = 0; i < 100; i += 1) {
    try { await fetch(url, { redirect: 'manual' }); return; } catch { await new Promise((ok) => setTimeout(ok, 100)); }
  }
  throw new Error(`${what} did not start`);
}

/** nginx running docs/nginx.conf over `folder`, with `frameAncestors` in place of the example's. */
export async function startNginx(folder, { frameAncestors } = {}) {
  const work = await mkdtemp(join(tmpdir(), 'playground-nginx-'));
  let recipe = (await readFile(join(root, 'docs', 'nginx.conf'), 'utf8')).replaceAll('/srv/ords-playground/', `${folder}/`);
  if (frameAncestors) recipe = recipe.replaceAll("frame-ancestors 'self' https://docs.example.com", `frame-ancestors ${frameAncestors}`);
  const port = await freePort();
  await writeFile(join(work, 'nginx.conf'), `
daemon off;
worker_processes 1;
pid ${work}/nginx.pid;
error_log stderr warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  absolute_redirect off;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  server {
    listen 127.0.0.1:${port};
${recipe}
  }
}`);
  const child = spawn('/usr/sbin/nginx', ['-p', work, '-c', join(work, 'nginx.conf'), '-e', 'stderr'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const origin = `http://127.0.0.1:${port}`;
  await answering(`${origin}/docs/playground/`, 'nginx');
  const exited = new Promise((ok) => child.once('exit', ok));
  return {
    origin,
    page: `${origin}/docs/playground/`,
    stop: async () => { child.kill(); await exited; await rm(work, { recursive: true, force: true }); },
  };
}

