/**
 * Scripts whose output our shell must reproduce exactly: each runs in the
 * real /bin/sh (dash 0.5.12) with GNU coreutils, grep and sed, and in ours.
 * The expected output is whatever the real tools print on this machine.
 */
import type { ScriptCase } from './real-shell.ts';

const POD_LIST = `NAME                        READY   STATUS    RESTARTS   AGE   IP           NODE
my-nginx-3800858182-jr4a2   1/1     Running   0          13s   10.244.3.4   kind-worker
my-nginx-3800858182-kna2y   1/1     Running   0          13s   10.244.2.5   kind-worker2
curl-deployment-1515033274  0/1     Pending   0          2s    <none>       <none>
`;

const SERVICE_YAML = `apiVersion: v1
kind: Service
metadata:
  name: my-nginx
spec:
  type: NodePort
  ports:
  - name: http
    nodePort: 31704
    port: 8080
    protocol: TCP
    targetPort: 80
  - name: https
    nodePort: 32453
    port: 443
    targetPort: 443
`;

export const LANGUAGE_CASES: ScriptCase[] = [
  // quoting
  { name: 'single and double quotes', script: `echo 'a  b' "c  d" e\\ f 'it'"'"'s' "\\$HOME \\"q\\" \\\\"` },
  { name: 'backslash newline joins lines', script: 'echo one \\\ntwo' },
  { name: 'empty quotes are fields', script: `for w in '' "" x; do echo "[$w]"; done` },
  { name: 'comments', script: 'echo a # not printed\necho b#c # but b#c is' },
  // parameters
  { name: 'parameter forms', script: 'x=hello; y=; echo ${x} ${x:-d} ${y:-d} ${y-d} ${z-unset} ${x:+alt} ${y:+alt} ${#x}' },
  { name: 'assign default', script: 'echo ${z:=zed}; echo $z' },
  { name: 'prefix and suffix removal', script: 'p=/usr/local/bin/kubectl.tar.gz; echo ${p#*/} ${p##*/} ${p%.*} ${p%%.*}' },
  { name: 'special parameters', script: 'set -- a "b c" d; echo $# "$1" "$2"; for a in "$@"; do echo "<$a>"; done; for a in $*; do echo "($a)"; done; echo "$*"' },
  { name: 'status parameter', script: 'false; echo $?; true; echo $?; (exit 7); echo $?' },
  { name: 'error expansion ends the shell', script: 'echo before; echo ${nope:?is missing}; echo after' },
  { name: 'nounset', script: 'set -u; echo $undefined_variable; echo after' },
  // field splitting and globbing
  { name: 'field splitting on IFS', script: 'v="  a  b\tc  "; for w in $v; do echo "[$w]"; done; IFS=:; v="x::y:"; for w in $v; do echo "{$w}"; done' },
  { name: 'quoted expansion is one field', script: 'v="a   b"; printf "[%s]\\n" $v "$v"' },
  { name: 'globbing', script: 'echo *.txt; echo d/*; echo *.none; echo "*.txt"; echo ?.txt; echo [ab].txt', files: { 'a.txt': '', 'b.txt': '', 'c.log': '', 'd/x': '', 'd/.hidden': '' } },
  { name: 'glob in a for loop', script: 'for f in *.yaml; do echo "file: $f"; done', files: { 'svc.yaml': '', 'deploy.yaml': '' } },
  // command substitution and arithmetic
  { name: 'command substitution', script: 'echo "$(echo a; echo b)" $(echo "x  y") `echo back`; n=$(printf "3\\n\\n\\n"); echo "[$n]"' },
  { name: 'nested substitution', script: 'echo "$(echo "$(echo inner)")"' },
  { name: 'substitution status', script: 'x=$(false); echo $?; x=$(true); echo $?' },
  { name: 'arithmetic', script: 'i=5; echo $((i * 2 + 1)) $(( (i + 3) / 2 )) $((i % 3)) $((-i)) $((1 << 4)) $((i > 3 && i < 10)) $((010 + 0x10)); echo $((i += 2)) $i' },
  { name: 'arithmetic error', script: 'echo $((1 / 0)); echo after' },
  // lists and pipelines
  { name: 'and-or lists', script: 'true && echo yes; false && echo no; false || echo fallback; true || echo never; false; echo $?' },
  { name: 'negation', script: '! false; echo $?; ! true; echo $?' },
  { name: 'pipeline status is the last', script: 'false | true; echo $?; true | false; echo $?' },
  { name: 'pipeline of filters', script: 'printf "b\\na\\nc\\na\\n" | sort | uniq -c | sort -rn | head -1' },
  { name: 'background is accepted', script: 'echo one & wait; echo two' },
  { name: 'subshell keeps its variables', script: 'x=1; (x=2; echo in $x); echo out $x; { x=3; }; echo group $x' },
  { name: 'pipeline elements are subshells', script: 'x=1; echo 5 | read x; echo $x' },
  // redirections
  { name: 'write, append, read', script: 'echo one > f; echo two >> f; cat < f; cat f | wc -l' },
  { name: 'stderr redirections', script: 'ls nofile 2>/dev/null; echo $?; ls nofile 2>&1 | sed s/^/err:/; echo out >&2' },
  { name: 'redirection to a missing directory', script: 'echo x > no/such/file; echo status $?' },
  { name: 'input from a missing file', script: 'cat < nofile; echo status $?' },
  { name: 'redirection order', script: 'ls nofile 2>&1 >/dev/null | wc -l; ls nofile >/dev/null 2>&1 | wc -l' },
  { name: 'redirect a group', script: '{ echo a; echo b; } > out; cat out; for i in 1 2; do echo $i; done > loop; cat loop' },
  { name: 'clobber an existing file', script: 'echo old > f; echo new > f; cat f', files: { f: 'seed\n' } },
  // here-documents
  { name: 'here-document with expansion', script: 'name=web\ncat > ca-config.json <<EOF\n{\n  "name": "$name",\n  "home": "${HOME}",\n  "sub": "$(echo sub)"\n}\nEOF\ncat ca-config.json' },
  { name: 'quoted here-document delimiter', script: "cat <<'EOF'\n$HOME `x` \\$\nEOF" },
  { name: 'here-document with tabs stripped', script: 'cat <<-END\n\tindented $((1+1))\n\tEND\necho after' },
  { name: 'two here-documents on one line', script: 'cat <<A; cat <<B\none\nA\ntwo\nB' },
  { name: 'here-document into a pipeline', script: 'grep b <<EOF | wc -l\nabc\nbcd\nxyz\nEOF' },
  // compound commands
  { name: 'if elif else', script: 'for n in 1 2 3; do if [ $n -eq 1 ]; then echo one; elif [ $n = 2 ]; then echo two; else echo other; fi; done' },
  { name: 'while and until', script: 'i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo w$i; done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i' },
  { name: 'break and continue', script: 'for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done; for a in x y; do for b in 1 2; do [ $b = 2 ] && continue 2; echo $a$b; done; done' },
  { name: 'case patterns', script: 'for w in nginx httpd kubia x.yaml Z; do case $w in nginx|httpd) echo web;; k*) echo k;; *.yaml) echo yaml;; [A-Z]) echo upper;; esac; done' },
  { name: 'functions', script: 'greet() { echo "hello $1 ($#)"; return 3; }; greet world x; echo $?; f() { local v=inner; echo $v; }; v=outer; f; echo $v' },
  { name: 'while read loop', script: 'printf "a 1\\nb 2\\n" | while read name n; do echo "$n=$name"; done', },
  { name: 'read from a here-document', script: 'read first rest <<EOF\none two three\nEOF\necho "$first|$rest"' },
  // builtins
  { name: 'test expressions', script: '[ -f f ] && echo file; [ -d d ] && echo dir; [ -e nope ] || echo missing; [ -n "$x" ] || echo empty; [ abc = abc ] && echo eq; [ 2 -gt 10 ] || echo numeric; test -z "" && echo z; [ ! -s e ] && echo zero-size', files: { f: 'x', 'd/y': '', e: '' } },
  { name: 'export to programs', script: 'A=1; export B=2; env | grep -E "^(A|B)=" ; C=3 env | grep ^C=' },
  { name: 'cd and pwd', script: 'mkdir -p sub/dir; cd sub/dir; pwd | sed "s|.*/shell-diff-[^/]*||"; cd ..; basename=$(pwd); echo ${basename##*/}; cd /nonexistent; echo $?' },
  { name: 'eval', script: 'cmd="echo evaluated"; eval "$cmd"; eval "x=5"; echo $x' },
  { name: 'set -e stops at a failure', script: 'set -e; echo one; false; echo two' },
  { name: 'set -e spares conditions', script: 'set -e; if false; then :; fi; false || true; ! true; echo survived' },
  { name: 'exit status of exit', script: 'echo bye; exit 3; echo never' },
  { name: 'shift', script: 'set -- a b c; shift; echo "$@"; shift 2; echo $#' },
  { name: 'type and command -v', script: 'type cd; command -v cd; command -v nosuchcommand || echo absent' },
  { name: 'echo in dash', script: 'echo -n no-newline; echo; echo "tab\\there"' },
  { name: 'unknown command', script: 'nosuchcommand arg; echo status $?' },
  { name: 'sh -c', script: `sh -c 'echo "$0 $1"' name arg; X=exported sh -c 'echo $X'` },
  { name: 'xtrace', script: 'set -x; echo "a b" c; x=1 true; y=2; for i in 1 2; do echo $i; done; f() { echo in; }; f; echo \'#\' \'[\' ] a=b' },
  { name: 'exec with only redirections', script: 'exec 2>/dev/null; ls nofile; echo done' },
  { name: 'quotes in a pattern inside double quotes', script: `v=abc; echo "\${v#a}" "\${v%c}" \${v#"a"} "\${v#'a'}" "\${v:-'q'}"` },
  { name: 'stderr of a group into a pipe', script: '{ echo out; echo err >&2; } 2>&1 | cat' },
  { name: 'read pairs from a pipe', script: 'echo "a b" | while read x y; do echo "$y $x"; done' },
  { name: 'field splitting without IFS', script: 'IFS=; v="a b"; for w in $v; do echo "[$w]"; done; unset IFS; v="a\tb"; set -- $v; echo $#' },
  // syntax errors after earlier output
  { name: 'syntax error after output', script: 'echo first\nif true; then echo x; fi fi' },
  { name: 'unterminated quote', script: "echo ok\necho 'oops" },
  { name: 'unexpected end of file', script: 'echo ok\nfor i in 1 2; do echo $i' },
  { name: 'missing brace', script: 'echo ${x' },
  // what tutorials do
  { name: 'count running pods', script: 'cat pods.txt | grep Running | wc -l', files: { 'pods.txt': POD_LIST } },
  { name: 'pod names with awk', script: "grep -v NAME pods.txt | awk '{print $1}'", files: { 'pods.txt': POD_LIST } },
  { name: 'pod IPs with awk and sort', script: "awk 'NR>1 {print $6}' pods.txt | sort", files: { 'pods.txt': POD_LIST } },
  { name: 'grep with context like kubectl get -o yaml | grep', script: 'grep nodePort -C 2 svc.yaml; grep -n -A1 "name: https" svc.yaml', files: { 'svc.yaml': SERVICE_YAML } },
  { name: 'base64 round trip', script: 'printf "secret-value" | base64; echo "c2VjcmV0LXZhbHVl" | base64 -d; echo; cat key.pem | base64 -w0 | base64 -d', files: { 'key.pem': '-----BEGIN KEY-----\nabc\n-----END KEY-----\n' } },
  { name: 'sed on a manifest', script: "sed -e 's/NodePort/LoadBalancer/' -e '/nodePort/d' svc.yaml | head -8", files: { 'svc.yaml': SERVICE_YAML } },
  { name: 'cut and tr', script: 'echo "10.244.1.5:8080" | cut -d: -f1; echo "my-nginx" | tr a-z A-Z | tr - _' },
  { name: 'xargs', script: 'printf "a\\nb c\\n" | xargs echo got; printf "1\\n2\\n" | xargs -n1 echo n' },
  { name: 'tee', script: 'echo data | tee copy | wc -c; cat copy; echo more | tee -a copy >/dev/null; cat copy' },
  { name: 'seq and loops', script: 'for i in $(seq 3); do echo "req $i"; done; seq -s, 1 2 9' },
  { name: 'env and printenv', script: 'printenv LC_ALL; printenv NOPE; echo $?; env -i A=1 env' },
  { name: 'ls one per line', script: 'ls; ls d; ls missing; echo $?', files: { 'b.txt': '', 'a.txt': '', 'd/c': '' } },
  { name: 'rm mkdir touch', script: 'mkdir d; touch d/f; ls d; rm d; echo $?; rm -r d; ls; mkdir d; mkdir d; mkdir -p x/y/z && echo made; rm nofile; rm -f nofile; echo $?' },
  { name: 'head and tail', script: 'seq 20 > n; head -3 n; tail -2 n; tail -n +19 n; head -n -18 n; head -c 5 n | wc -c' },
  { name: 'wc forms', script: 'printf "one two\\nthree\\n" > f; wc f; wc -l f; wc -w < f; cat f | wc; wc -c f nofile; echo $?' },
  { name: 'sort options', script: 'printf "b 2\\na 10\\nc 1\\na 2\\n" > f; sort f; sort -k2 -n f; sort -r f; sort -u -k1,1 f; sort -t" " -k2,2nr f' },
  { name: 'uniq options', script: 'printf "a\\na\\nb\\nc\\nc\\n" > f; uniq f; uniq -c f; uniq -d f; uniq -u f' },
  { name: 'grep options', script: 'printf "Alpha\\nbeta\\ngamma\\nalpha beta\\n" > f; grep -i alpha f; grep -c a f; grep -v beta f; grep -n -w beta f; grep -o "a[a-z]" f; grep -E "^(beta|gamma)$" f; grep -l beta f nofile; echo $?; grep -q zzz f; echo $?' },
  { name: 'printf formats', script: 'printf "%s|%5s|%-5s|%d|%03d|%x|%o|%c|%%\\n" a b c 42 7 255 8 xyz; printf "%s\\n" one two three; printf "%.2f %e\\n" 3.14159 12345.678' },
];
