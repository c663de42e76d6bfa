import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MemoryFileSystem } from '../../shell/memory-fs.ts';
import { NGINX_CONF, NGINX_DEFAULT_CONF, NGINX_MIME_TYPES, NGINX_WELCOME_PAGE, NGINX_50X_PAGE } from '../catalog/nginx.ts';
import { HTTPD_INDEX } from '../catalog/httpd.ts';
import type { HttpRequest, ServerContext } from './http.ts';
import { serveNginx, startNginx } from './nginx-server.ts';
import { serveHttpd } from './file-servers.ts';
import { serveEchoserver, serveKubia, serveNetexec } from './simple-handlers.ts';

const NOW = Date.UTC(2026, 0, 1, 0, 0, 5);

function nginxFs(defaultConf = NGINX_DEFAULT_CONF): MemoryFileSystem {
  return new MemoryFileSystem({
    '/etc/nginx/nginx.conf': NGINX_CONF,
    '/etc/nginx/conf.d/default.conf': defaultConf,
    '/etc/nginx/mime.types': NGINX_MIME_TYPES,
    '/usr/share/nginx/html/index.html': NGINX_WELCOME_PAGE,
    '/usr/share/nginx/html/50x.html': NGINX_50X_PAGE,
    '/usr/share/nginx/html/docs/a.txt': 'a\n',
  });
}

function request(target: string, extra: Partial<HttpRequest> = {}): HttpRequest {
  return { method: 'GET', target, headers: [['Host', '10.244.1.2']], scheme: 'http', client: { ip: '10.244.2.3', port: 40312 }, server: { ip: '10.244.1.2', port: 80 }, ...extra };
}

function context(fs: MemoryFileSystem): ServerContext {
  return { fs, hostname: 'web-1', podIP: '10.244.1.2', nowMs: NOW, startedAtMs: Date.UTC(2026, 0, 1) };
}

function nginx(fs = nginxFs()) {
  const started = startNginx(fs, '1.27.1');
  if (!started.ok) throw new Error(started.error);
  return { instance: started.instance, ports: started.ports, fs };
}

describe('nginx answers from its configuration', () => {
  it('listens on 80 with the image default.conf and serves the welcome page with nginx headers', () => {
    const { instance, ports, fs } = nginx();
    expect(ports).to.deep.equal([{ port: 80, ssl: false, loopbackOnly: false }]);
    const response = serveNginx(instance, request('/'), context(fs), 80);
    expect(response.status).to.equal(200);
    expect(response.body).to.equal(NGINX_WELCOME_PAGE);
    expect(response.headers.map(([k]) => k)).to.deep.equal(['Server', 'Date', 'Content-Type', 'Content-Length', 'Last-Modified', 'Connection', 'ETag', 'Accept-Ranges']);
    expect(Object.fromEntries(response.headers)).to.include({ Server: 'nginx/1.27.1', 'Content-Type': 'text/html', 'Content-Length': '615', Date: 'Thu, 01 Jan 2026 00:00:05 GMT' });
  });

  it('writes its built-in 404 page with CRLF line ends (ngx_http_special_response.c)', () => {
    const { instance, fs } = nginx();
    const response = serveNginx(instance, request('/nope'), context(fs), 80);
    expect(response.status).to.equal(404);
    expect(response.body).to.equal('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.1</center>\r\n</body>\r\n</html>\r\n');
  });

  it('redirects a directory without its slash, serves text with its MIME type, refuses POST on files', () => {
    const { instance, fs } = nginx();
    const redirect = serveNginx(instance, request('/docs'), context(fs), 80);
    expect(redirect.status).to.equal(301);
    expect(Object.fromEntries(redirect.headers).Location).to.equal('http://10.244.1.2/docs/');
    const text = serveNginx(instance, request('/docs/a.txt'), context(fs), 80);
    expect(Object.fromEntries(text.headers)['Content-Type']).to.equal('text/plain');
    expect(serveNginx(instance, request('/docs/'), context(fs), 80).status).to.equal(403);
    expect(serveNginx(instance, request('/', { method: 'POST' }), context(fs), 80).status).to.equal(405);
  });

  it('applies try_files ... =404, return and ssl listeners (seed 000 default.conf)', () => {
    const conf = 'server {\n  listen 80 default_server;\n  listen 443 ssl;\n  root /usr/share/nginx/html;\n  index index.html;\n  server_name localhost;\n  ssl_certificate /etc/nginx/ssl/tls.crt;\n  ssl_certificate_key /etc/nginx/ssl/tls.key;\n  location / {\n    try_files $uri $uri/ =404;\n  }\n  location = /ip { return 200 "$remote_addr\\n"; }\n}\n';
    const fs = nginxFs(conf);
    const failed = startNginx(fs, '1.27.1');
    expect(failed).to.deep.equal({
      ok: false,
      error: 'nginx: [emerg] cannot load certificate "/etc/nginx/ssl/tls.crt": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/etc/nginx/ssl/tls.crt, r) error:10000080:BIO routines::no such file)',
    });
    fs.put('/etc/nginx/ssl/tls.crt', 'CERT');
    fs.put('/etc/nginx/ssl/tls.key', 'KEY');
    const { instance, ports } = nginx(fs);
    expect(ports).to.deep.equal([{ port: 80, ssl: false, loopbackOnly: false }, { port: 443, ssl: true, loopbackOnly: false }]);
    expect(serveNginx(instance, request('/'), context(fs), 80).body).to.equal(NGINX_WELCOME_PAGE);
    expect(serveNginx(instance, request('/missing'), context(fs), 80).status).to.equal(404);
    expect(serveNginx(instance, request('/ip'), context(fs), 80).body).to.equal('10.244.2.3\n');
    const plain = serveNginx(instance, request('/', { server: { ip: '10.244.1.2', port: 443 } }), context(fs), 443);
    expect(plain.status).to.equal(400);
    expect(plain.body).to.contain('<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>');
  });

  // ngx_http_core_module listen: `address:port`; a loopback address is unreachable on the pod IP (seed 001, 5.7).
  it('marks a port loopback-only when every listen of it names a loopback address', () => {
    const cases: [string, { port: number; ssl: boolean; loopbackOnly: boolean }[]][] = [
      ['server { listen 127.0.0.1:80; }', [{ port: 80, ssl: false, loopbackOnly: true }]],
      ['server { listen localhost:8080; }', [{ port: 8080, ssl: false, loopbackOnly: true }]],
      ['server { listen [::1]:80; }', [{ port: 80, ssl: false, loopbackOnly: true }]],
      ['server { listen 0.0.0.0:80; }', [{ port: 80, ssl: false, loopbackOnly: false }]],
      ['server { listen 127.0.0.1:80; listen [::]:80; }', [{ port: 80, ssl: false, loopbackOnly: false }]],
    ];
    for (const [conf, expected] of cases) expect(nginx(nginxFs(conf)).ports, conf).to.deep.equal(expected);
  });

  it('reports a syntax error as nginx does', () => {
    const fs = nginxFs('server {\n listen 80;\n');
    const started = startNginx(fs, '1.27.1');
    expect(started.ok).to.equal(false);
    if (!started.ok) expect(started.error).to.match(/^nginx: \[emerg\] unexpected end of file, expecting "}" in \/etc\/nginx\/conf.d\/default.conf:\d+$/);
  });
});

describe('other servers', () => {
  const fs = new MemoryFileSystem({ '/usr/local/apache2/htdocs/index.html': HTTPD_INDEX });

  it('httpd: It works! (seed 004) and Apache\'s 404', () => {
    expect(serveHttpd('/usr/local/apache2/htdocs', '2.4.62', request('/'), context(fs)).body).to.equal('<html><body><h1>It works!</h1></body></html>\n');
    const missing = serveHttpd('/usr/local/apache2/htdocs', '2.4.62', request('/x'), context(fs));
    expect(missing.status).to.equal(404);
    expect(missing.body).to.contain('<p>The requested URL was not found on this server.</p>');
  });

  it('kubia: You\'ve hit <hostname> (luksa/kubia app.js)', () => {
    expect(serveKubia('hostname', request('/'), context(fs)).body).to.equal("You've hit web-1\n");
  });

  it('netexec /clientip shows the source the pod sees; echoserver prints client_address', () => {
    expect(serveNetexec(request('/clientip'), context(fs)).body).to.equal('10.244.2.3:40312');
    expect(serveNetexec(request('/hostname'), context(fs)).body).to.equal('web-1');
    expect(serveNetexec(request('/echo?msg=hello'), context(fs)).body).to.equal('hello');
    const echo = serveEchoserver(request('/a?b=c'), context(fs)).body;
    expect(echo).to.contain('\tclient_address=10.244.2.3\n');
    expect(echo).to.contain('\treal path=/a\n\tquery=b=c\n');
    expect(echo).to.contain('Hostname: web-1\n');
  });
});
