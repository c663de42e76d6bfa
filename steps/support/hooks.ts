/**
 * Scenario lifecycle: open the backend, skip what it cannot do (with the reason
 * in the report), give each scenario a fresh cluster or namespace, print the
 * seed, attach a snapshot when a scenario fails, and clean up always.
 */
import { After, AfterAll, Before, Status, setDefaultTimeout } from '@cucumber/cucumber';
import { ALL_CAPABILITIES, type Capability } from '../../src/backend/backend.ts';
import { ContextRefused } from '../../src/backends/kubeconfig/context-guard.ts';
import { SettingsError } from '../../src/backend/run-settings.ts';
import { redact } from '../../src/report/redact.ts';
import { ScenarioFailure } from './scenario-failure.ts';
import { closeBackend, currentSettings, ensureBackend, isBackendOpen } from './backend-session.ts';
import { scenarioIdentity } from './scenario-identity.ts';
import type { ScenarioWorld } from './world.ts';

// Real clusters pull images and provision load balancers; waiting steps carry their own timeouts.
setDefaultTimeout(Number(process.env.KUBE_SCENARIOS_STEP_TIMEOUT ?? 600) * 1000);

/** The benchmark's floor binds every step and hook to nothing (steps/support/define-step.ts). */
const noop = process.env.KUBE_SCENARIOS_NOOP_STEPS === '1';

Before(async function (this: ScenarioWorld, { pickle, gherkinDocument }) {
  if (noop) return undefined;
  try {
    await ensureBackend(this.parameters);
  } catch (error) {
    // A setting the user must fix (no kubeconfig, a context not allowed): its words, not our stack.
    if (error instanceof SettingsError || error instanceof ContextRefused) throw new ScenarioFailure(error.message);
    throw error;
  }
  const tags = pickle.tags.map((t) => t.name.replace(/^@/, ''));
  const missing = tags.filter((t): t is Capability => (ALL_CAPABILITIES as readonly string[]).includes(t) && !this.backend.capabilities.has(t as Capability));
  if (missing.length > 0) {
    this.log(`skipped: the ${this.backend.name} backend cannot provide ${missing.map((m) => '@' + m).join(', ')}`);
    return 'skipped';
  }
  const settings = currentSettings();
  await this.backend.startScenario({ id: scenarioIdentity(pickle, gherkinDocument), name: pickle.name, tags, seed: settings.seed });
  // Features write `${NAMESPACE}` (FQDNs, resolv.conf) where the scenario's namespace shows.
  this.vars.set('NAMESPACE', this.backend.namespace);
  this.log(`seed ${settings.seed} (replay with KUBE_SCENARIOS_SEED=${settings.seed}); backend ${this.backend.name}`);
  return undefined;
});

After(async function (this: ScenarioWorld, { result }) {
  if (noop) return;
  if (!isBackendOpen()) return;
  try {
    if (result?.status === Status.FAILED) {
      for (const part of await this.backend.snapshot()) {
        await this.attach(redact(part.body), { mediaType: part.mediaType, fileName: part.name });
      }
    }
  } finally {
    await this.backend.endScenario();
  }
});

AfterAll(async function () {
  await closeBackend();
});
