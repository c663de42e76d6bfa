import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { CheckResult } from './comparison.ts';
import { countCheck } from './comparison.ts';
import { crossCheckPassed, renderMarkdown, renderText } from './cross-check-report.ts';

const result: CheckResult = {
  check: 'iptables',
  title: 'nat table',
  notes: ['left out on the reference: lines of config (7)'],
  blocks: [
    { subject: 'KUBE-POSTROUTING', rows: [{ reference: 'a', memory: 'a' }] },
    {
      subject: 'KUBE-NODEPORTS',
      rows: [
        { reference: '-A KUBE-NODEPORTS -d 127.0.0.0/8', memory: undefined },
        { reference: undefined, memory: ':KUBE-KUBELET-CANARY -', knownReason: 'the kubelet makes it' },
      ],
    },
  ],
};
const header = { title: 'Cross-check', details: ['seed s'] };

describe('the cross-check report', () => {
  it('counts compared, identical, differing and known lines', () => {
    expect(countCheck(result)).to.deep.equal({ compared: 3, identical: 1, explained: 1, differing: 1 });
  });

  it('passes only when every difference is known and every check ran', () => {
    expect(crossCheckPassed([result])).to.equal(false);
    expect(crossCheckPassed([{ ...result, blocks: [result.blocks[0]] }])).to.equal(true);
    expect(crossCheckPassed([{ ...result, blocks: [], notRun: 'no root' }])).to.equal(false);
  });

  it('shows differing rows side by side with the producing module and the reasons', () => {
    const text = renderText(header, [result]);
    expect(text).to.match(/^iptables\s+3\s+1\s+1\s+1\s*$/m);
    expect(text).to.include('-A KUBE-NODEPORTS -d 127.0.0.0/8');
    expect(text).to.include('memory output from: src/kubeproxy/iptables/service-rules.ts');
    expect(text).to.include('[known 1] the kubelet makes it');
    const knownOnly = renderText(header, [{ ...result, blocks: [{ subject: 'chains', rows: [result.blocks[1].rows[1]] }] }]);
    expect(knownOnly).to.include('known differences only: chains (1)').and.not.to.include('the kubelet makes it');
    const md = renderMarkdown(header, [result]);
    expect(md).to.include('| `-A KUBE-NODEPORTS -d 127.0.0.0/8` | *(no line)* | **differs** |');
    expect(md).to.include('1. known: the kubelet makes it');
  });
});
