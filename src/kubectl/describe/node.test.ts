import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Node, Pod } from '../../api/core.ts';
import type { KubeObject } from '../../api/meta.ts';
import { describeNode } from './node.ts';
import { fixtureApiServer } from './testdata/fixture-api-server.ts';
import { FIXTURE_RESOURCES } from '../printers/testdata/fixture-resources.ts';

// describeNode, describeNodeLease and describeNodeResource of k8s.io/kubectl/pkg/describe/describe.go
// for what the kind-cluster goldens (describe.golden.test.ts) do not show: a missing Lease, huge
// pages and extended resources, and pods with requests whose share is truncated toward zero.
const NOW = Date.UTC(2026, 0, 1, 1, 0, 0);

const node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'n1', uid: 'u1', creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: {},
  status: {
    addresses: [{ type: 'InternalIP', address: '172.18.0.9' }],
    capacity: { cpu: '4' },
    allocatable: { cpu: '4', memory: '8Gi', 'hugepages-2Mi': '1Gi', 'example.com/gpu': '2', pods: '110' },
    nodeInfo: {},
  },
} as unknown as Node;

const resources = { cpu: '1500m', memory: '1Gi', 'hugepages-2Mi': '512Mi', 'example.com/gpu': '1' };
const running = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', creationTimestamp: '2026-01-01T00:59:50Z' },
  spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'x', resources: { requests: resources, limits: resources } }] },
  status: { phase: 'Running' },
} as unknown as Pod;
// Succeeded and Failed pods are not listed (the describer's field selector excludes them)
const succeeded = { ...running, metadata: { ...running.metadata, name: 'done' }, status: { phase: 'Succeeded' } } as Pod;

const HEAD = `Name:               n1
Roles:              <none>
Labels:             <none>
Annotations:        <none>
CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000
Taints:             <none>
Unschedulable:      false
`;

const TAIL = `Addresses:
  InternalIP:  172.18.0.9
Capacity:
  cpu:  4
Allocatable:
  cpu:              4
  example.com/gpu:  2
  hugepages-2Mi:    1Gi
  memory:           8Gi
  pods:             110
System Info:
  Machine ID:                 
  System UUID:                
  Boot ID:                    
  Kernel Version:             
  OS Image:                   
  Operating System:           
  Architecture:               
  Container Runtime Version:  
  Kubelet Version:            
  Kube-Proxy Version:         
Non-terminated Pods:          (1 in total)
  Namespace                   Name    CPU Requests  CPU Limits   Memory Requests  Memory Limits  Age
  ---------                   ----    ------------  ----------   ---------------  -------------  ---
  default                     p       1500m (37%)   1500m (37%)  1Gi (12%)        1Gi (12%)      10s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests     Limits
  --------           --------     ------
  cpu                1500m (37%)  1500m (37%)
  memory             1Gi (12%)    1Gi (12%)
  ephemeral-storage  0 (0%)       0 (0%)
  hugepages-2Mi      512Mi (50%)  512Mi (50%)
  example.com/gpu    1            1
Events:              <none>
`;

describe('describeNode', () => {
  const objects = [node, running, succeeded] as KubeObject[];

  it('prints the lookup error when the node has no Lease', () => {
    const api = fixtureApiServer(objects, FIXTURE_RESOURCES);
    expect(describeNode(node, api, NOW)).to.equal(`${HEAD}Lease:              Failed to get lease: leases.coordination.k8s.io "n1" not found\n${TAIL}`);
  });

  it("shows the kubelet's lease, renewed every 10s, when the cluster does not serve Leases", () => {
    const api = fixtureApiServer(objects, FIXTURE_RESOURCES.filter((r) => r.kind !== 'Lease'));
    expect(describeNode(node, api, NOW + 9_000)).to.equal(
      `${HEAD}Lease:\n  HolderIdentity:  n1\n  AcquireTime:     <unset>\n  RenewTime:       Thu, 01 Jan 2026 01:00:00 +0000\n${TAIL.replace('10s', '19s')}`,
    );
  });
});
