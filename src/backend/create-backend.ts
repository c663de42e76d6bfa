/** Makes the backend a run asked for. Real backends load their heavy dependencies only when chosen. */
import type { Backend } from './backend.ts';
import type { RunSettings } from './run-settings.ts';

export async function createBackend(settings: RunSettings): Promise<Backend> {
  switch (settings.backend) {
    case 'memory': {
      const { MemoryBackend } = await import('../backends/memory/memory-backend.ts');
      return new MemoryBackend(settings);
    }
    case 'kubeconfig':
    case 'kind':
      throw new Error(`the ${settings.backend} backend is not built yet (issue "Real clusters"); run with the memory backend`);
  }
}
