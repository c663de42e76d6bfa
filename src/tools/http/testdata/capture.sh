#!/bin/sh
# Records the goldens in this directory from the real tools of the development
# machine (Debian 12: curl 7.88.1 with OpenSSL 3.0, BusyBox 1.35.0), against
# test-server.py on 127.0.0.1, inside a fresh network namespace where port
# 9998 is REJECTed and 9999 DROPped (`unshare -rn sh capture.sh`).
# Each case writes NAME.stdout and NAME.stderr.
set -u
cd "$(dirname "$0")"
ip link set lo up
iptables -A INPUT -p tcp --dport 9998 -j REJECT
iptables -A INPUT -p tcp --dport 9999 -j DROP
python3 test-server.py 18080 &
SERVER=$!
sleep 1
rec() { name=$1; shift; "$@" >"curl-7.88.1/$name.stdout" 2>"curl-7.88.1/$name.stderr"; echo $? >"curl-7.88.1/$name.exit"; }
mkdir -p curl-7.88.1 busybox-wget-1.35.0
rec get-verbose curl -v http://127.0.0.1:18080/
rec get-plain curl http://127.0.0.1:18080/
rec get-silent curl -s http://127.0.0.1:18080/
rec head curl -sI http://127.0.0.1:18080/
rec include curl -si http://127.0.0.1:18080/
rec write-out curl -s -o /dev/null -w '%{http_code}\n' http://127.0.0.1:18080/missing
rec fail-verbose curl -v --fail http://127.0.0.1:18080/missing
rec fail-silent-show curl -sS --fail http://127.0.0.1:18080/missing
rec redirect-verbose curl -sSL -v http://127.0.0.1:18080/redir
rec post-verbose curl -s -d a=b -v http://127.0.0.1:18080/
rec refused-verbose curl -v http://127.0.0.1:9998/
rec refused-silent-show curl -sS http://127.0.0.1:9998/
rec max-time-verbose curl -v -m 1 http://127.0.0.1:9999/
rec connect-timeout curl -sS --connect-timeout 1 http://127.0.0.1:9999/
rec resolve-failure-verbose curl -v http://nosuchhost.invalid/
rec bad-option curl --max-time=5 http://127.0.0.1:18080/
rec no-url curl
w() { name=$1; shift; (cd /tmp && "$@") >"busybox-wget-1.35.0/$name.stdout" 2>"busybox-wget-1.35.0/$name.stderr"; echo $? >"busybox-wget-1.35.0/$name.exit"; rm -f /tmp/index.html; }
w save busybox wget http://127.0.0.1:18080/
w stdout busybox wget -O - http://127.0.0.1:18080/
w quiet-stdout busybox wget -q -O - http://127.0.0.1:18080/
w not-found busybox wget http://127.0.0.1:18080/missing
w spider busybox wget --spider http://127.0.0.1:18080/
w bad-address busybox wget http://nosuchhost.invalid/
w refused busybox wget http://127.0.0.1:9998/
kill $SERVER
