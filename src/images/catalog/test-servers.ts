/**
 * Servers used to look at traffic: agnhost (Kubernetes e2e image,
 * `ENTRYPOINT ["/agnhost"]`; `netexec` serves /clientip, /hostname, /echo on
 * --http-port, 8080 by default) and echoserver (registry.k8s.io/echoserver,
 * nginx + lua on 8080 printing the request, `client_address` included: the
 * classic way to see SNAT with externalTrafficPolicy).
 */
import type { ImageSpec } from '../image-spec.ts';
import { DEBIAN_SLIM_TOOLS, DEFAULT_PATH } from './tool-sets.ts';

export const TEST_SERVER_IMAGES: readonly ImageSpec[] = [
  {
    name: 'registry.k8s.io/e2e-test-images/agnhost',
    sizeBytes: 51_105_200,
    pullSeconds: 4.7,
    env: { PATH: DEFAULT_PATH },
    entrypoint: ['/agnhost'],
    cmd: ['pause'],
    files: {},
    tools: [...DEBIAN_SLIM_TOOLS, 'agnhost', 'curl', 'nslookup', 'dig', 'host', 'ip', 'ping', 'nc'],
    daemons: [
      {
        argv: ['agnhost', 'netexec'],
        servers: [{ port: 8080, protocol: 'TCP', handler: { kind: 'netexec' } }],
        startupSeconds: 0.1,
        onStop: { exitCode: 2, stopSeconds: 0.1 },
        portFlag: '--http-port',
        startupLog: ['I0101 00:00:00.000000       1 log.go:245] Started HTTP server on port 8080'],
      },
      { argv: ['agnhost', 'pause'], servers: [], startupSeconds: 0, onStop: { exitCode: 0, stopSeconds: 0.1 }, startupLog: ['Paused'] },
    ],
  },
  {
    name: 'registry.k8s.io/echoserver',
    sizeBytes: 46_236_405,
    pullSeconds: 4.1,
    env: { PATH: DEFAULT_PATH },
    cmd: ['/usr/local/bin/run.sh'],
    files: {},
    tools: [...DEBIAN_SLIM_TOOLS, 'nginx', 'run.sh'],
    daemons: [
      {
        argv: ['run.sh'],
        servers: [{ port: 8080, protocol: 'TCP', handler: { kind: 'echoserver' } }, { port: 8443, protocol: 'TCP', handler: { kind: 'echoserver' }, tls: true }],
        startupSeconds: 0.2,
        onStop: { exitCode: 0, stopSeconds: 0.2 },
      },
    ],
  },
];
