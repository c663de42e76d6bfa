/**
 * The base of images built FROM gcr.io/distroless/static-debian12 (CoreDNS):
 * no shell, no package manager, only what distroless/static holds
 * (GoogleContainerTools/distroless base/README.md: ca-certificates, /etc/passwd
 * and /etc/group with root, nobody and nonroot, /etc/nsswitch.conf, /tmp),
 * the certificates taken from the Debian root.
 */
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** distroless's users: root 0, nobody 65534, nonroot 65532 (the uid images write as `USER 65532:65532`). */
export const DISTROLESS_PASSWD = 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n';
export const DISTROLESS_GROUP = 'root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n';

/** Lays the base out in `dir` (emptied first). */
export function stageDistrolessBase(debianRoot: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['etc/ssl/certs', 'root', 'home/nonroot', 'tmp', 'proc', 'sys', 'dev']) mkdirSync(join(dir, sub), { recursive: true });
  chmodSync(join(dir, 'tmp'), 0o1777);
  copyFileSync(join(debianRoot, 'etc/ssl/certs/ca-certificates.crt'), join(dir, 'etc/ssl/certs/ca-certificates.crt'));
  writeFileSync(join(dir, 'etc/passwd'), DISTROLESS_PASSWD);
  writeFileSync(join(dir, 'etc/group'), DISTROLESS_GROUP);
  writeFileSync(join(dir, 'etc/nsswitch.conf'), 'hosts: files dns\n');
  writeFileSync(join(dir, 'etc/os-release'), 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\n');
}
