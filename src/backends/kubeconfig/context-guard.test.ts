import { describe, it } from 'node:test';
import { expect } from 'chai';
import { checkContext, ContextRefused } from './context-guard.ts';

describe('checkContext', () => {
  it('accepts the context the kind backend created', () => {
    expect(checkContext('kind-kube-scenarios', new Set(['kind-kube-scenarios']), [])).to.deep.equal({ context: 'kind-kube-scenarios', reason: 'created-by-us' });
  });
  it('accepts a context the user allowed by name', () => {
    expect(checkContext('staging', new Set(), ['staging']).reason).to.equal('allowed-by-user');
  });
  it('refuses any other context and says how to allow it', () => {
    expect(() => checkContext('prod', new Set(), ['staging'])).to.throw(ContextRefused, 'refusing to run scenarios on context "prod"');
    expect(() => checkContext('prod', new Set(), [])).to.throw('--allow-context prod');
  });
  it('refuses a kubeconfig without a current context', () => {
    expect(() => checkContext(undefined, new Set(), [])).to.throw('has no current context');
  });
});
