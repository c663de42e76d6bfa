/** Files in the scenario's working directory. */
import { defineStep } from './support/define-step.ts';
import type { ScenarioWorld } from './support/world.ts';

defineStep(
  {
    keyword: 'Given',
    phrase: 'a file "NAME":',
    zh: ['文件 "NAME":'],
    summary:
      'Creates NAME in the scenario\'s working directory with the doc string as its content, for later commands (`kubectl apply -f NAME`, `--from-file`, `--cert`, `--key`). A relative NAME may hold directories; they are created.',
    example: 'Given a file "run-my-nginx.yaml":\n  """\n  apiVersion: apps/v1\n  kind: Deployment\n  ...\n  """',
    group: 'Files',
    argument: 'doc string',
  },
  /^a file "([^"]+)":$/,
  async function (this: ScenarioWorld, name: string, content: string) {
    await this.backend.writeFile(name, content.endsWith('\n') ? content : content + '\n');
  },
  [/^文件 "([^"]+)"[:：]$/],
);
