import { describe, it } from 'node:test';
import { expect } from 'chai';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mountsUnder, removeContainerLogLinks } from './node-cleanup.ts';

describe('mountsUnder', () => {
  it('lists mount points under a directory, deepest first, once each', () => {
    const mountinfo = [
      '22 27 0:21 / /proc rw,relatime - proc proc rw',
      '90 27 254:0 /s/kubelet /s/kubelet rw - ext4 /dev/vda rw',
      '91 90 0:50 / /s/kubelet/pods/u1/volumes/kubernetes.io~projected/kube-api-access-x rw - tmpfs tmpfs rw',
      '92 27 0:51 / /s/containerd/state/io.containerd.runtime.v2.task/k8s.io/abc/rootfs rw - overlay overlay rw',
      '93 27 0:52 / /s/kubelet rw - ext4 /dev/vda rw',
      '94 27 0:53 / /sx/other rw - tmpfs tmpfs rw',
    ].join('\n');
    expect(mountsUnder('/s', mountinfo)).to.deep.equal([
      '/s/kubelet/pods/u1/volumes/kubernetes.io~projected/kube-api-access-x',
      '/s/containerd/state/io.containerd.runtime.v2.task/k8s.io/abc/rootfs',
      '/s/kubelet',
    ]);
  });
});

describe('removeContainerLogLinks', () => {
  it("removes the links into this node's pod logs and nothing else", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-log-links-'));
    try {
      const links = join(dir, 'containers');
      mkdirSync(links);
      symlinkSync('/state/ks-worker/pod-logs/ns_web_uid/nginx/0.log', join(links, 'web_ns_nginx-1.log'));
      symlinkSync('/state/ks-worker2/pod-logs/ns_db_uid/db/0.log', join(links, 'db_ns_db-2.log'));
      writeFileSync(join(links, 'plain.log'), '');
      expect(removeContainerLogLinks('/state/ks-worker/pod-logs', links)).to.equal(1);
      expect(readdirSync(links).sort()).to.deep.equal(['db_ns_db-2.log', 'plain.log']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
