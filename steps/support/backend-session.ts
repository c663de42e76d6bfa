/**
 * One backend per worker process, made on first use and closed after the run.
 * The memory backend gives each scenario a fresh cluster; real backends a fresh namespace.
 */
import type { Backend } from '../../src/backend/backend.ts';
import { createBackend } from '../../src/backend/create-backend.ts';
import { readRunSettings, type RunSettings } from '../../src/backend/run-settings.ts';
import { newRunSeed } from '../../src/random/seeded-random.ts';

let settings: RunSettings | undefined;
let backend: Backend | undefined;

/** The worker's backend, opened on first use (BeforeAll hooks get no world parameters). */
export async function ensureBackend(worldParameters: Record<string, unknown>): Promise<Backend> {
  if (backend) return backend;
  settings = readRunSettings(worldParameters, process.env, newRunSeed);
  backend = await createBackend(settings);
  return backend;
}

export function isBackendOpen(): boolean {
  return backend !== undefined;
}

export function currentBackend(): Backend {
  if (!backend) throw new Error('the backend is not open: the BeforeAll hook of steps/support/hooks.ts did not run');
  return backend;
}

export function currentSettings(): RunSettings {
  if (!settings) throw new Error('run settings are not read yet');
  return settings;
}

export async function closeBackend(): Promise<void> {
  await backend?.close();
  backend = undefined;
}
