/**
 * The editor `kubectl edit` runs on real backends (KUBE_EDITOR points here):
 * `editor-program.ts FILE`. It takes one queued change per object in FILE
 * from the queue named by KUBE_SCENARIOS_EDIT_QUEUE, makes them and saves.
 * With nothing queued it saves nothing, as a person who closes the editor.
 * Its failures go to stderr in one line; kubectl then reports
 * `there was a problem with the editor`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EDIT_QUEUE_ENV, takeEdits } from './edit-queue.ts';
import { openEditorFile } from './editor-file.ts';

/** Edits `file` with the changes queued at `queue`; returns the exit status. */
export function runEditor(file: string | undefined, queue: string | undefined, stderr: (line: string) => void): number {
  if (!file) {
    stderr('usage: editor-program.ts FILE');
    return 2;
  }
  if (!queue) {
    stderr(`error: ${EDIT_QUEUE_ENV} is not set: this editor applies the changes a scenario queued`);
    return 2;
  }
  try {
    const text = readFileSync(file, 'utf8');
    const editorFile = openEditorFile(text);
    const edits = takeEdits(queue, editorFile.itemCount);
    const edited = editorFile.withEdits(edits);
    if (edited !== text) writeFileSync(file, edited);
    return 0;
  } catch (error) {
    stderr(`error: ${(error as Error).message}`);
    return 1;
  }
}

// Run as a program (not when a test imports runEditor).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runEditor(process.argv[2], process.env[EDIT_QUEUE_ENV], (line) => process.stderr.write(`${line}\n`));
}
