# The HTTP server the goldens were recorded against (capture.sh): GET / answers a 12-byte page,
# /missing 404, /redir 301 to /, HEAD and POST echo. Python http.server, HTTP/1.1.
import http.server, socketserver, sys, ssl
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def do_GET(self):
        if self.path == '/redir':
            self.send_response(301); self.send_header('Location','/'); self.send_header('Content-Length','0'); self.end_headers(); return
        if self.path == '/missing':
            body=b'nope\n'; self.send_response(404); self.send_header('Content-Length',str(len(body))); self.end_headers(); self.wfile.write(body); return
        body = b'<h1>hi</h1>\n'
        self.send_response(200); self.send_header('Content-Type','text/html'); self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)
    def do_HEAD(self):
        self.send_response(200); self.send_header('Content-Type','text/html'); self.send_header('Content-Length','12'); self.end_headers()
    def do_POST(self):
        n=int(self.headers.get('Content-Length','0')); d=self.rfile.read(n); body=b'got '+d+b'\n'
        self.send_response(200); self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self,*a): pass
socketserver.TCPServer.allow_reuse_address=True
srv=socketserver.TCPServer(('127.0.0.1', int(sys.argv[1])), H)
if len(sys.argv)>2:
    ctx=ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.load_cert_chain(sys.argv[2], sys.argv[3]); srv.socket=ctx.wrap_socket(srv.socket, server_side=True)
srv.serve_forever()
