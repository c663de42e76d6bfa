/**
 * Which Program runs when a container executes a name its image lists in
 * `tools`. Programs are written elsewhere (the shell's utilities, src/tools/
 * for curl, wget, nslookup ...) and registered here by name with a factory
 * that binds them to one container (its pod IP, file system, node).
 *
 * `programRegistry` is the process-wide default; a cluster can make its own
 * registry on top of it (`new ProgramRegistry(programRegistry)`) for programs
 * that close over that cluster's network.
 */
import type { ResolvedImage } from '../../images/image-spec.ts';
import type { FileSystem, Program, ProgramTable } from '../../shell/types.ts';

/** What a program factory knows about the container it is made for. */
export interface ContainerRuntimeContext {
  namespace: string;
  podName: string;
  podUID: string;
  /** The pod's IP (the node's for hostNetwork pods): where the program's packets come from. */
  podIP: string;
  nodeName: string;
  hostNetwork: boolean;
  containerName: string;
  /** The pod's hostname (what `hostname` prints). */
  hostname: string;
  image: ResolvedImage;
  fs: FileSystem;
  /** Every program of this container, for programs that run others (`sh -c`, `xargs`, `watch`). */
  programs(): ProgramTable;
}

export type ProgramFactory = (container: ContainerRuntimeContext) => Program;

export class ProgramRegistry {
  private readonly factories = new Map<string, ProgramFactory>();

  /** `parent`: where names not registered here are looked up. */
  constructor(private readonly parent?: ProgramRegistry) {}

  /** Registers (or replaces) the program run for `name`. */
  register(name: string, factory: ProgramFactory): void {
    this.factories.set(name, factory);
  }

  /** The factory for `name`, here or in a parent. */
  factory(name: string): ProgramFactory | undefined {
    return this.factories.get(name) ?? this.parent?.factory(name);
  }
}

/** The process-wide registry: generic utilities and tools register here. */
export const programRegistry = new ProgramRegistry();

/** Registers `factory` for `name` in the process-wide registry. */
export function registerProgram(name: string, factory: ProgramFactory): void {
  programRegistry.register(name, factory);
}

/**
 * A program the image has but nobody simulates yet: says so plainly instead
 * of pretending the binary is missing (which would read as an image fact).
 */
export function unsimulatedProgram(name: string): Program {
  return () => ({ stdout: '', stderr: `kube-scenarios: "${name}" exists in this image but the memory backend does not simulate it yet\n`, exitCode: 126 });
}
