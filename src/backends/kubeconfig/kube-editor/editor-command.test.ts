import { describe, it } from 'node:test';
import { expect } from 'chai';
import { defaultKubeEditorCommand, kubeEditorCommand } from './editor-command.ts';

/** How kubectl turns KUBE_EDITOR into a command line (kubectl/pkg/cmd/util/editor/editor.go, defaultEnvEditor). */
function kubectlSplits(value: string): { args: string[]; shell: boolean } {
  if (!value.includes(' ')) return { args: [value], shell: false };
  if (!/["'\\]/.test(value)) return { args: value.split(' '), shell: false };
  return { args: ['/bin/bash', '-c', value], shell: true };
}

describe('KUBE_EDITOR for our editor program', () => {
  it('is run by kubectl directly when no path needs quoting', () => {
    const value = kubeEditorCommand('/usr/bin/node', 'file:///work/node_modules/tsx/dist/loader.mjs', '/work/src/editor-program.ts');
    expect(kubectlSplits(value)).to.deep.equal({ args: ['/usr/bin/node', '--import', 'file:///work/node_modules/tsx/dist/loader.mjs', '/work/src/editor-program.ts'], shell: false });
  });
  it('is quoted for the shell kubectl then uses when a path holds a space or a quote', () => {
    const value = kubeEditorCommand('/opt/my node/bin/node', 'file:///x/loader.mjs', "/home/o'brien/editor-program.ts");
    expect(value).to.equal(`'/opt/my node/bin/node' '--import' 'file:///x/loader.mjs' '/home/o'\\''brien/editor-program.ts'`);
    expect(kubectlSplits(value).shell).to.equal(true);
  });
  it('names this node, tsx\'s loader and the editor program beside the module', () => {
    const words = defaultKubeEditorCommand().split(' ');
    expect(words[0]).to.equal(process.execPath);
    expect(words[2]).to.match(/^file:\/\/.*\/tsx\/.*\.mjs$/);
    expect(words[3]).to.match(/kube-editor\/editor-program\.ts$/);
  });
});
