/** Images a scenario declares, for flows the built-in images do not cover. */
import { UnsupportedByBackend } from '../src/backend/backend.ts';
import { defineStep } from './support/define-step.ts';
import type { ScenarioWorld } from './support/world.ts';

defineStep(
  {
    keyword: 'Given',
    phrase: 'an image "NAME" that answers "TEXT" on port PORT',
    zh: ['一个在端口 PORT 上回答 "TEXT" 的镜像 "NAME"'],
    summary:
      'Adds NAME to the memory cluster\'s image table: a busybox-based server answering every HTTP request on PORT with TEXT. Real clusters need a real image: the scenario is skipped there (tag it @custom-images).',
    example: 'Given an image "example/hello:1.0" that answers "hello from v1" on port 8080',
    group: 'Images',
  },
  /^an image "([^"]+)" that answers "((?:[^"\\]|\\.)*)" on port (\d+)$/,
  async function (this: ScenarioWorld, name: string, answer: string, port: string) {
    try {
      await this.backend.defineImage({ name, answer: answer.replace(/\\(["\\])/g, '$1'), port: Number(port) });
      return undefined;
    } catch (error) {
      if (!(error instanceof UnsupportedByBackend)) throw error;
      this.log(`skipped: ${error.message}`);
      return 'skipped';
    }
  },
  [{ pattern: /^一个在端口 (\d+) 上回答 "((?:[^"\\]|\\.)*)" 的镜像 "([^"]+)"$/, argOrder: [2, 1, 0] }],
);
