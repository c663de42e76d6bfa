/**
 * The changes a scenario queued for the next `kubectl edit`, kept in a small
 * JSON file between the backend (which appends) and the editor program that
 * kubectl launches (which takes them). A file, because the editor is another
 * process started by kubectl, not by us.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { FieldEdit } from '../../../backend/backend.ts';

/** The environment variable that tells the editor program where the queue is. */
export const EDIT_QUEUE_ENV = 'KUBE_SCENARIOS_EDIT_QUEUE';

export class EditQueueError extends Error {}

function read(path: string): FieldEdit[] {
  if (!existsSync(path)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new EditQueueError(`the edit queue ${path} is not JSON: ${(error as Error).message}`);
  }
  const valid = Array.isArray(parsed) && parsed.every((e) => e !== null && typeof e === 'object' && typeof (e as FieldEdit).path === 'string' && 'value' in e);
  if (!valid) throw new EditQueueError(`the edit queue ${path} does not hold a list of {path, value} changes`);
  return parsed as FieldEdit[];
}

/** Writes through a temporary name, so a reader never sees half a file. */
function write(path: string, edits: FieldEdit[]): void {
  const partial = `${path}.partial`;
  writeFileSync(partial, JSON.stringify(edits), { mode: 0o600 });
  renameSync(partial, path);
}

/** Adds a change at the end of the queue. */
export function appendEdit(path: string, edit: FieldEdit): void {
  write(path, [...read(path), edit]);
}

/** Removes and returns up to `count` changes from the front of the queue, in order. */
export function takeEdits(path: string, count: number): FieldEdit[] {
  const queued = read(path);
  const taken = queued.slice(0, Math.max(0, count));
  if (taken.length > 0) write(path, queued.slice(taken.length));
  return taken;
}

/** What is still queued (a scenario that queued a change kubectl never asked for). */
export function pendingEdits(path: string): FieldEdit[] {
  return read(path);
}
