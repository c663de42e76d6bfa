/**
 * luksa/kubia (Kubernetes in Action, ch. 2 and 5): `FROM node:7`,
 * `ADD app.js /app.js`, `ENTRYPOINT ["node", "app.js"]`. app.js answers every
 * request on 8080 with `You've hit <hostname>\n`. node runs as PID 1 without a
 * SIGTERM handler, so the kernel ignores the signal and the pod takes the whole
 * grace period to die. The environment is node:7's (seed 001 `env`): NODE_VERSION
 * and YARN_VERSION as in the last node:7 image (UNCONFIRMED for the exact build
 * luksa pushed). buildpack-deps gives curl and wget; there is no nslookup or dig.
 */
import type { DaemonSpec, ImageSpec } from '../image-spec.ts';
import { DEBIAN_SLIM_TOOLS, DEFAULT_PATH } from './tool-sets.ts';

const KUBIA_APP = `const http = require('http');
const os = require('os');

console.log("Kubia server starting...");

var handler = function(request, response) {
  console.log("Received request from " + request.connection.remoteAddress);
  response.writeHead(200);
  response.end("You've hit " + os.hostname() + "\\n");
};

var www = http.createServer(handler);
www.listen(8080);
`;

function kubiaDaemon(body: 'hostname' | 'hostname-v2'): DaemonSpec {
  return {
    argv: ['node', 'app.js'],
    servers: [{ port: 8080, protocol: 'TCP', handler: { kind: 'kubia', body } }],
    startupSeconds: 0.3,
    onStop: 'ignored',
    startupLog: ['Kubia server starting...'],
  };
}

const NODE7_ENV = {
  PATH: DEFAULT_PATH,
  NPM_CONFIG_LOGLEVEL: 'info',
  NODE_VERSION: '7.10.1',
  YARN_VERSION: '0.24.4',
};

function kubia(tags: string[] | undefined, body: 'hostname' | 'hostname-v2'): ImageSpec {
  return {
    name: 'luksa/kubia',
    tags,
    sizeBytes: 266_839_136,
    pullSeconds: 14.2,
    env: NODE7_ENV,
    entrypoint: ['node', 'app.js'],
    files: { '/app.js': KUBIA_APP },
    tools: [...DEBIAN_SLIM_TOOLS, 'curl', 'wget', 'node', 'npm', 'ps'],
    daemons: [kubiaDaemon(body)],
  };
}

export const KUBIA_IMAGES: readonly ImageSpec[] = [kubia(['latest', 'v1'], 'hostname'), kubia(['v2'], 'hostname-v2')];
