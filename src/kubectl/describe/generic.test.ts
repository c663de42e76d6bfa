import { describe, it } from 'node:test';
import { expect } from 'chai';
import { camelcaseSplit, smartLabelFor } from './generic.ts';

describe('camelcaseSplit', () => {
  // the examples of github.com/fatih/camelcase's README and camelcase_test.go
  const cases: [string, string[]][] = [
    ['', []],
    ['lowercase', ['lowercase']],
    ['Class', ['Class']],
    ['MyClass', ['My', 'Class']],
    ['MyC', ['My', 'C']],
    ['HTML', ['HTML']],
    ['PDFLoader', ['PDF', 'Loader']],
    ['AString', ['A', 'String']],
    ['SimpleXMLParser', ['Simple', 'XML', 'Parser']],
    ['vimRPCPlugin', ['vim', 'RPC', 'Plugin']],
    ['GL11Version', ['GL', '11', 'Version']],
    ['99Bottles', ['99', 'Bottles']],
    ['May5', ['May', '5']],
    ['BFG9000', ['BFG', '9000']],
    ['BöseÜberraschung', ['Böse', 'Überraschung']],
    ['Two  spaces', ['Two', '  ', 'spaces']],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      expect(camelcaseSplit(input)).to.deep.equal(expected);
    });
  }
});

describe('smartLabelFor', () => {
  // smartLabelFor in k8s.io/kubectl/pkg/describe/describe.go; the first five are labels of the
  // generic describer's output for an Event and a Lease in describe.golden.test.ts (real kubectl 1.32)
  const cases: [string, string][] = [
    ['apiVersion', 'API Version'],
    ['involvedObject', 'Involved Object'],
    ['uid', 'UID'],
    ['leaseDurationSeconds', 'Lease Duration Seconds'],
    ['creationTimestamp', 'Creation Timestamp'],
    ['url', 'URL'],
    ['podIP', 'Pod IP'],
    // names with characters other than letters and '-' are left alone
    ['dummy2', 'dummy2'],
    ['a_b', 'a_b'],
    ['x-y', 'X - Y'],
  ];
  for (const [field, label] of cases) {
    it(`${field} -> ${label}`, () => {
      expect(smartLabelFor(field)).to.equal(label);
    });
  }
});
