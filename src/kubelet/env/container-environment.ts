/**
 * A container's main process environment (process-env.ts) that is laid out only when listed.
 * Starting a container needs single values (`$(VAR)` in its command and args); the whole list,
 * thousands of service variables in a namespace with many Services, is needed only when a
 * process is started in it (`kubectl exec`), so most containers never build it.
 */
import { DEFAULT_PATH } from '../../images/catalog/tool-sets.ts';
import type { KubeletEnvironment } from './kubelet-environment.ts';
import { containerProcessEnvironment, type ProcessEnvironment } from './process-env.ts';

export interface ContainerEnvironmentInput {
  hostname: string;
  imageEnv: Readonly<Record<string, string>>;
  kubeletEnv: KubeletEnvironment;
  tty: boolean;
}

export class ContainerEnvironment {
  constructor(private readonly input: ContainerEnvironmentInput) {}

  /** The value the process sees for `name`: what containerProcessEnvironment's map holds. */
  get(name: string): string | undefined {
    const { kubeletEnv, imageEnv, hostname, tty } = this.input;
    // Later sources replace earlier ones: kubelet over image over HOSTNAME, TERM and PATH.
    const fromKubelet = kubeletEnv.get(name);
    if (fromKubelet !== undefined) return fromKubelet;
    if (Object.hasOwn(imageEnv, name)) return imageEnv[name];
    if (name === 'HOSTNAME') return hostname;
    if (name === 'TERM' && tty) return 'xterm';
    return name === 'PATH' ? DEFAULT_PATH : undefined;
  }

  /** The whole environment in order, as containerProcessEnvironment builds it. */
  layout(): ProcessEnvironment {
    const { kubeletEnv, ...rest } = this.input;
    return containerProcessEnvironment({ ...rest, kubeletEnv: kubeletEnv.pairs() });
  }
}
