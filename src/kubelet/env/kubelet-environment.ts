/**
 * The variables the kubelet hands the runtime for one container (kubelet_pods.go
 * makeEnvironmentVariables' result): the container's own, then the service variables it did not
 * set itself, each group in a drawn Go map order (container-env.ts).
 *
 * The service variables are every Service of the namespace times seven or more: with a thousand
 * Services that is thousands of variables per container, the same for every container started
 * meanwhile, and read only when someone lists the environment (`kubectl exec ... env`). So the
 * shared map is kept, with the position of the order stream where their order was drawn, and the
 * list is made on demand: the same variables in the same order, without a copy per container.
 */
import type { SeededRandom } from '../../random/seeded-random.ts';
import type { EnvVarPair } from './envvars.ts';
import { goMapOrder } from './go-map-order.ts';

export class KubeletEnvironment {
  /**
   * @param own the container's variables, already in their drawn order
   * @param ownByName the same by name (they hide service variables of the same name)
   * @param services the service variables of the namespace (shared: never modified)
   * @param serviceOrder the order stream as it was when the service variables' order was drawn
   */
  constructor(
    private readonly own: readonly EnvVarPair[],
    private readonly ownByName: ReadonlyMap<string, string>,
    private readonly services: ReadonlyMap<string, string>,
    private readonly serviceOrder: SeededRandom,
  ) {}

  /** The value the runtime receives for `name`, if any. */
  get(name: string): string | undefined {
    return this.ownByName.get(name) ?? this.services.get(name);
  }

  /** Every variable in the order the runtime receives them. */
  pairs(): EnvVarPair[] {
    const services = visibleServiceVariables(this.services, this.ownByName);
    return [...this.own, ...goMapOrder(services, this.serviceOrder.clone())];
  }
}

/** The service variables a container did not set itself, in the service map's order. */
export function visibleServiceVariables(services: ReadonlyMap<string, string>, own: ReadonlyMap<string, string>): EnvVarPair[] {
  const out: EnvVarPair[] = [];
  for (const [name, value] of services) if (!own.has(name)) out.push({ name, value });
  return out;
}
