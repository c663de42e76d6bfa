import { describe, it } from 'node:test';
import { expect } from 'chai';
import { tagsOfFeatures } from './planned-tags.ts';

describe('tags of the planned features', () => {
  it('collects feature, rule, scenario and examples tags, without the @ and without comments', () => {
    const feature = `@node-shell
Feature: x
  # @loadbalancer is only mentioned in a comment
  @ingress @outside-client # a trailing comment @ipvs
  Scenario: y
    Given a file "a.yaml":
      """
      @not-a-tag inside a doc string still looks like one
      """
`;
    expect([...tagsOfFeatures([feature])].sort()).to.deep.equal(['ingress', 'node-shell', 'not-a-tag', 'outside-client']);
  });
  it('is empty for untagged features', () => {
    expect(tagsOfFeatures(['Feature: x\n  Scenario: y\n'])).to.deep.equal(new Set());
  });
});
