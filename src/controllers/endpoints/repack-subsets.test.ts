import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { EndpointSubset } from '../../api/core.ts';
import { repackSubsets, sortSubsets } from './repack-subsets.ts';

/**
 * SortSubsets golden: the same subsets sorted on this machine by a Go program using
 * k8s.io/api v0.31.0 types, go-spew d8f796af33cc and crypto/md5, the comparators of
 * pkg/api/v1/endpoints/util.go (portsByHash, subsetsByHash).
 */
const INPUT: EndpointSubset[] = [
  {
    "addresses": [
      {
        "ip": "10.244.1.2",
        "nodeName": "kind-worker",
        "targetRef": {
          "kind": "Pod",
          "namespace": "default",
          "name": "my-nginx-65b446f6c4-n7wgl",
          "uid": "4f0c0a5e-1d55-4f44-9d2c-7f2a9d2f8b11"
        }
      }
    ],
    "ports": [
      {
        "name": "http",
        "port": 80,
        "protocol": "TCP"
      },
      {
        "name": "https",
        "port": 443,
        "protocol": "TCP"
      }
    ]
  },
  {
    "addresses": [
      {
        "ip": "10.244.2.3",
        "nodeName": "kind-worker2",
        "targetRef": {
          "kind": "Pod",
          "namespace": "default",
          "name": "kubia-x",
          "uid": "9a0c0a5e-1d55-4f44-9d2c-7f2a9d2f8b11"
        }
      }
    ],
    "notReadyAddresses": [
      {
        "ip": "10.244.2.4",
        "hostname": "web-0",
        "nodeName": "kind-worker2",
        "targetRef": {
          "kind": "Pod",
          "namespace": "default",
          "name": "kubia-y",
          "uid": "1a0c0a5e-1d55-4f44-9d2c-7f2a9d2f8b11"
        }
      }
    ],
    "ports": [
      {
        "name": "http",
        "port": 8080,
        "protocol": "TCP"
      },
      {
        "name": "https",
        "port": 8443,
        "protocol": "TCP"
      }
    ]
  },
  {
    "addresses": [
      {
        "ip": "10.244.0.2",
        "nodeName": "kind-control-plane",
        "targetRef": {
          "kind": "Pod",
          "namespace": "kube-system",
          "name": "coredns-7c65d6cfc9-abcde",
          "uid": "2b0c0a5e-1d55-4f44-9d2c-7f2a9d2f8b11"
        }
      }
    ],
    "ports": [
      {
        "name": "dns",
        "port": 53,
        "protocol": "UDP"
      },
      {
        "name": "dns-tcp",
        "port": 53,
        "protocol": "TCP"
      },
      {
        "name": "metrics",
        "port": 9153,
        "protocol": "TCP"
      }
    ]
  },
  {
    "addresses": [
      {
        "ip": "10.244.1.9"
      }
    ],
    "ports": [
      {
        "port": 80,
        "protocol": "TCP"
      }
    ]
  },
  {
    "addresses": [
      {
        "ip": "11.11.11.11"
      },
      {
        "ip": "22.22.22.22"
      }
    ],
    "ports": [
      {
        "port": 80,
        "protocol": "TCP"
      },
      {
        "name": "web",
        "port": 8080,
        "protocol": "TCP",
        "appProtocol": "http"
      }
    ]
  }
];
const GO_SORTED: EndpointSubset[] = [
  {
    "addresses": [
      {
        "ip": "11.11.11.11"
      },
      {
        "ip": "22.22.22.22"
      }
    ],
    "ports": [
      {
        "name": "web",
        "port": 8080,
        "protocol": "TCP",
        "appProtocol": "http"
      },
      {
        "port": 80,
        "protocol": "TCP"
      }
    ]
  },
  {
    "addresses": [
      {
        "ip": "10.244.1.9"
      }
    ],
    "ports": [
      {
        "port": 80,
        "protocol": "TCP"
      }
    ]
  },
  {
    "addresses": [
      {
        "ip": "10.244.1.2",
        "nodeName": "kind-worker",
        "targetRef": {
          "kind": "Pod",
          "namespace": "default",
          "name": "my-nginx-65b446f6c4-n7wgl",
          "uid": "4f0c0a5e-1d55-4f44-9d2c-7f2a9d2f8b11"
        }
      }
    ],
    "ports": [
      {
        "name": "https",
        "port": 443,
        "protocol": "TCP"
      },
      {
        "name": "http",
        "port": 80,
        "protocol": "TCP"
      }
    ]
  },
  {
    "addresses": [
      {
        "ip": "10.244.0.2",
        "nodeName": "kind-control-plane",
        "targetRef": {
          "kind": "Pod",
          "namespace": "kube-system",
          "name": "coredns-7c65d6cfc9-abcde",
          "uid": "2b0c0a5e-1d55-4f44-9d2c-7f2a9d2f8b11"
        }
      }
    ],
    "ports": [
      {
        "name": "dns-tcp",
        "port": 53,
        "protocol": "TCP"
      },
      {
        "name": "dns",
        "port": 53,
        "protocol": "UDP"
      },
      {
        "name": "metrics",
        "port": 9153,
        "protocol": "TCP"
      }
    ]
  },
  {
    "addresses": [
      {
        "ip": "10.244.2.3",
        "nodeName": "kind-worker2",
        "targetRef": {
          "kind": "Pod",
          "namespace": "default",
          "name": "kubia-x",
          "uid": "9a0c0a5e-1d55-4f44-9d2c-7f2a9d2f8b11"
        }
      }
    ],
    "notReadyAddresses": [
      {
        "ip": "10.244.2.4",
        "hostname": "web-0",
        "nodeName": "kind-worker2",
        "targetRef": {
          "kind": "Pod",
          "namespace": "default",
          "name": "kubia-y",
          "uid": "1a0c0a5e-1d55-4f44-9d2c-7f2a9d2f8b11"
        }
      }
    ],
    "ports": [
      {
        "name": "https",
        "port": 8443,
        "protocol": "TCP"
      },
      {
        "name": "http",
        "port": 8080,
        "protocol": "TCP"
      }
    ]
  }
];

describe('sortSubsets', () => {
  it('orders ports and subsets by the MD5 of their spew text, as Go does', () => {
    expect(sortSubsets(structuredClone(INPUT))).to.deep.equal(GO_SORTED);
  });
});

describe('repackSubsets', () => {
  const addr = (ip: string, uid: string) => ({ ip, targetRef: { kind: 'Pod', namespace: 'default', name: uid, uid } });
  const http = { name: 'http', port: 80, protocol: 'TCP' as const };
  const https = { name: 'https', port: 443, protocol: 'TCP' as const };

  it('merges pods offering the same ports into one subset, addresses sorted by IP as strings', () => {
    const repacked = repackSubsets([
      { addresses: [addr('10.244.1.10', 'a')], ports: [http] },
      { addresses: [addr('10.244.1.10', 'a')], ports: [https] },
      { addresses: [addr('10.244.1.2', 'b')], ports: [http] },
      { addresses: [addr('10.244.1.2', 'b')], ports: [https] },
    ]);
    expect(repacked).to.have.length(1);
    // bytes.Compare of the IP strings: "10.244.1.10" < "10.244.1.2"
    expect(repacked[0].addresses!.map((a) => a.ip)).to.deep.equal(['10.244.1.10', '10.244.1.2']);
    expect(repacked[0].ports).to.deep.equal([https, http]);
  });

  it('keeps ready and not-ready addresses of the same ports in one subset', () => {
    const repacked = repackSubsets([
      { addresses: [addr('10.244.1.3', 'a')], ports: [http] },
      { notReadyAddresses: [addr('10.244.2.3', 'b')], ports: [http] },
    ]);
    expect(repacked).to.deep.equal([{ addresses: [addr('10.244.1.3', 'a')], notReadyAddresses: [addr('10.244.2.3', 'b')], ports: [http] }]);
  });

  it('splits pods that lack a port into their own subset', () => {
    const repacked = repackSubsets([
      { addresses: [addr('10.244.1.3', 'a')], ports: [http] },
      { addresses: [addr('10.244.1.3', 'a')], ports: [https] },
      { addresses: [addr('10.244.2.3', 'b')], ports: [http] },
    ]);
    expect(repacked).to.have.length(2);
    const byIps = repacked.map((s) => [s.addresses!.map((a) => a.ip), s.ports!.map((p) => p.name)]);
    expect(byIps).to.deep.include.members([
      [['10.244.1.3'], ['https']],
      [['10.244.1.3', '10.244.2.3'], ['http']],
    ]);
  });
});
