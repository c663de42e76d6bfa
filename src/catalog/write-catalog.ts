/** `npm run catalog`: writes docs/steps.md from the step definitions. */
import { writeFileSync } from 'node:fs';
import { loadStepDocs, renderCatalog } from './render-catalog.ts';

const docs = await loadStepDocs('steps');
writeFileSync('docs/steps.md', renderCatalog(docs));
console.log(`docs/steps.md: ${docs.length} phrases`);
