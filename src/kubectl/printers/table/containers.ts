/**
 * The CONTAINERS and IMAGES cells of workload tables: layoutContainerCells in
 * pkg/printers/internalversion/printers.go (names and images joined by commas).
 */
import type { Container } from '../../../api/core.ts';

export function layoutContainerCells(containers: Container[] | undefined): { names: string; images: string } {
  const list = containers ?? [];
  return { names: list.map((c) => c.name).join(','), images: list.map((c) => c.image).join(',') };
}
