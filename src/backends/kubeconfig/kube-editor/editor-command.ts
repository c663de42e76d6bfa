/**
 * The KUBE_EDITOR value that makes `kubectl edit` run our editor program.
 * kubectl (kubectl/pkg/cmd/util/editor/editor.go, defaultEnvEditor) splits a
 * value with spaces but no quotes or backslashes on single spaces and runs it
 * directly; any other value goes to `$SHELL -c` (bash by default) with the
 * file's path appended. So plain paths are joined by spaces, and paths that
 * need it are single-quoted for the shell.
 */
import { fileURLToPath } from 'node:url';

/** The node binary, tsx's loader and the editor program, as one KUBE_EDITOR value. */
export function kubeEditorCommand(nodeBinary: string, tsxLoader: string, program: string): string {
  const words = [nodeBinary, '--import', tsxLoader, program];
  if (words.every((w) => w !== '' && !/[\s"'\\$`]/.test(w))) return words.join(' ');
  return words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
}

/** KUBE_EDITOR for this installation: this node, this project's tsx, editor-program.ts beside this file. */
export function defaultKubeEditorCommand(): string {
  const program = fileURLToPath(new URL('./editor-program.ts', import.meta.url));
  // An absolute loader URL: kubectl starts the editor in the scenario's directory, where `tsx` would not resolve.
  return kubeEditorCommand(process.execPath, import.meta.resolve('tsx'), program);
}
