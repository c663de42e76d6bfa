// Cucumber profiles. The backend comes from the profile's world parameters
// unless KUBE_SCENARIOS_BACKEND says otherwise (src/backend/run-settings.ts).
//   npx cucumber-js                      memory backend, every feature
//   npx cucumber-js --profile kind       the kind cluster `npm run features -- --backend kind` made and handed in
//                                        (KUBE_SCENARIOS_KIND_CLUSTER); cucumber alone cannot share one cluster between workers
//   npx cucumber-js --profile kubeconfig the cluster of the current kubeconfig context
//   npx cucumber-js --profile catalog    dry run: step usage, fails on undefined or ambiguous steps
// `npm run features` wraps the default profile (src/cli/run-features.ts).

const terminal = process.stdout.isTTY ? 'progress-bar' : 'progress';

const common = {
  import: ['steps/register-typescript.mjs', 'steps/**/*.ts'],
  format: [terminal, 'html:reports/cucumber.html', 'junit:reports/junit.xml', 'message:reports/messages.ndjson'],
  formatOptions: { snippetInterface: 'async-await', junit: { suiteName: 'kube-scenarios' } },
  strict: true,
};

export default { ...common, worldParameters: { backend: 'memory' } };

export const kind = { ...common, worldParameters: { backend: 'kind' } };

export const kubeconfig = { ...common, worldParameters: { backend: 'kubeconfig' } };

export const catalog = {
  ...common,
  dryRun: true,
  format: ['usage', 'usage-json:reports/step-usage.json'],
  worldParameters: { backend: 'memory' },
};
