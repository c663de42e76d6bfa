import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ScenarioVariables } from './variables.ts';

describe('ScenarioVariables', () => {
  it('replaces remembered names only', () => {
    const vars = new ScenarioVariables();
    vars.set('IP', '10.96.12.7');
    expect(vars.substitute('curl http://${IP}:80/ ${HOME} ${IP}')).to.equal('curl http://10.96.12.7:80/ ${HOME} 10.96.12.7');
  });
  it('leaves text alone when nothing is remembered', () => {
    expect(new ScenarioVariables().substitute('echo ${IP}')).to.equal('echo ${IP}');
  });
  it('refuses names a shell could not hold', () => {
    expect(() => new ScenarioVariables().set('1X', 'v')).to.throw('cannot be remembered');
  });
});
