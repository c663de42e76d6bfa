/**
 * kubectl's command tree, in the order kubectl 1.31 adds its commands
 * (kubectl/pkg/cmd/cmd.go): that order is the order of cobra's "Did you mean
 * this?" suggestions. Commands the memory backend does not model are present
 * so that they are known (no `unknown command`) and say so when run.
 */
import type { CommandSpec } from './command.ts';
import { KubectlError } from './errors.ts';
import { apiResourcesCommand } from './cmd/api-resources.ts';
import { applyCommand } from './cmd/apply.ts';
import { clusterInfoCommand } from './cmd/cluster-info.ts';
import { configCommand } from './cmd/config.ts';
import { createCommand } from './cmd/create/create.ts';
import { deleteCommand } from './cmd/delete.ts';
import { describeCommand } from './cmd/describe.ts';
import { editCommand } from './cmd/edit.ts';
import { execCommand } from './cmd/exec.ts';
import { exposeCommand } from './cmd/expose.ts';
import { getCommand } from './cmd/get.ts';
import { annotateCommand, labelCommand } from './cmd/label-annotate.ts';
import { logsCommand } from './cmd/logs.ts';
import { patchCommand } from './cmd/patch.ts';
import { replaceCommand } from './cmd/replace.ts';
import { rolloutCommand } from './cmd/rollout.ts';
import { runCommand } from './cmd/run.ts';
import { scaleCommand } from './cmd/scale.ts';
import { topCommand } from './cmd/top.ts';
import { versionCommand } from './cmd/version.ts';
import { waitCommand } from './cmd/wait.ts';

/** A real kubectl command this backend does not model. */
function notModelled(name: string): CommandSpec {
  return {
    name,
    flags: [],
    run: () => {
      throw new KubectlError(`kubectl ${name} is not available in the memory backend`);
    },
  };
}

export const ROOT_COMMAND: CommandSpec = {
  name: 'kubectl',
  flags: [],
  subcommands: [
    createCommand,
    exposeCommand,
    runCommand,
    notModelled('set'),
    notModelled('explain'),
    getCommand,
    editCommand,
    deleteCommand,
    rolloutCommand,
    scaleCommand,
    notModelled('autoscale'),
    notModelled('certificate'),
    clusterInfoCommand,
    topCommand,
    notModelled('cordon'),
    notModelled('uncordon'),
    notModelled('drain'),
    notModelled('taint'),
    describeCommand,
    logsCommand,
    notModelled('attach'),
    execCommand,
    notModelled('port-forward'),
    notModelled('proxy'),
    notModelled('cp'),
    notModelled('auth'),
    notModelled('debug'),
    notModelled('events'),
    notModelled('diff'),
    applyCommand,
    patchCommand,
    replaceCommand,
    waitCommand,
    notModelled('kustomize'),
    labelCommand,
    annotateCommand,
    notModelled('completion'),
    configCommand,
    notModelled('plugin'),
    versionCommand,
    notModelled('api-versions'),
    apiResourcesCommand,
    notModelled('options'),
  ],
};
