import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { PodTemplateSpec } from '../../api/core.ts';
import { computePodTemplateHash, Fnv32a, podTemplateSpewText, safeEncodeString } from './pod-template-hash.ts';
import { canonicalQuantity } from '../deep-hash/quantity.ts';

/**
 * Golden hashes: computed on this machine by a Go program that decodes each template with
 * k8s.io/api v0.31.0, round-trips it through protobuf as the API server does, and applies
 * pkg/controller/controller_utils.go ComputeHash's steps (go-spew d8f796af33cc, hash/fnv,
 * apimachinery util/rand SafeEncodeString).
 */
const GO_COMPUTED: { name: string; template: unknown; collisionCount?: number; hash: string }[] = [
  {
    name: "seed 000 my-nginx, kubectl apply",
    template: {"metadata": {"creationTimestamp": null, "labels": {"run": "my-nginx"}}, "spec": {"restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst", "securityContext": {}, "schedulerName": "default-scheduler", "containers": [{"name": "my-nginx", "image": "nginx", "imagePullPolicy": "Always", "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File", "resources": {}, "ports": [{"containerPort": 80, "protocol": "TCP"}]}]}},
    hash: '65b446f6c4',
  },
  {
    name: "same template, collisionCount 1",
    template: {"metadata": {"creationTimestamp": null, "labels": {"run": "my-nginx"}}, "spec": {"restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst", "securityContext": {}, "schedulerName": "default-scheduler", "containers": [{"name": "my-nginx", "image": "nginx", "imagePullPolicy": "Always", "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File", "resources": {}, "ports": [{"containerPort": 80, "protocol": "TCP"}]}]}},
    collisionCount: 1,
    hash: '6555f476c',
  },
  {
    name: "nginx:1.16.1 image change",
    template: {"metadata": {"creationTimestamp": null, "labels": {"run": "my-nginx"}}, "spec": {"restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst", "securityContext": {}, "schedulerName": "default-scheduler", "containers": [{"name": "my-nginx", "image": "nginx:1.16.1", "imagePullPolicy": "Always", "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File", "resources": {}, "ports": [{"containerPort": 80, "protocol": "TCP"}]}]}},
    hash: '5dc4dc7d75',
  },
  {
    name: "kubia with named port, readiness probe exec and env",
    template: {"metadata": {"creationTimestamp": null, "labels": {"app": "kubia"}}, "spec": {"restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst", "securityContext": {}, "schedulerName": "default-scheduler", "containers": [{"name": "kubia", "image": "luksa/kubia", "imagePullPolicy": "Always", "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File", "resources": {}, "ports": [{"name": "http", "containerPort": 8080, "protocol": "TCP"}], "env": [{"name": "A", "value": "1"}, {"name": "POD", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.name"}}}], "readinessProbe": {"exec": {"command": ["ls", "/var/ready"]}, "failureThreshold": 3, "periodSeconds": 10, "successThreshold": 1, "timeoutSeconds": 1}}]}},
    hash: '775fff55d9',
  },
  {
    name: "https nginx with secret and configmap volumes",
    template: {"metadata": {"creationTimestamp": null, "labels": {"run": "my-nginx"}}, "spec": {"restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst", "securityContext": {}, "schedulerName": "default-scheduler", "volumes": [{"name": "secret-volume", "secret": {"defaultMode": 420, "secretName": "nginxsecret"}}, {"name": "configmap-volume", "configMap": {"defaultMode": 420, "name": "nginxconfigmap"}}], "containers": [{"name": "my-nginx", "image": "bprashanth/nginxhttps:1.0", "imagePullPolicy": "Always", "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File", "resources": {}, "ports": [{"containerPort": 443, "protocol": "TCP"}, {"containerPort": 80, "protocol": "TCP"}], "volumeMounts": [{"mountPath": "/etc/nginx/ssl", "name": "secret-volume"}, {"mountPath": "/etc/nginx/conf.d", "name": "configmap-volume"}]}]}},
    hash: 'fd4f774bf',
  },
  {
    name: "tolerations, nodeSelector, hostname, tcp probe, annotations",
    template: {"metadata": {"creationTimestamp": null, "labels": {"app": "x", "tier": "b"}, "annotations": {"kubectl.kubernetes.io/restartedAt": "2026-01-01T00:00:00Z"}}, "spec": {"restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst", "securityContext": {}, "schedulerName": "default-scheduler", "tolerations": [{"key": "node-role.kubernetes.io/control-plane", "operator": "Exists", "effect": "NoSchedule"}, {"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300}], "nodeSelector": {"kubernetes.io/os": "linux"}, "hostname": "web", "subdomain": "web-svc", "enableServiceLinks": false, "containers": [{"name": "my-nginx", "image": "nginx", "imagePullPolicy": "Always", "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File", "resources": {}, "livenessProbe": {"tcpSocket": {"port": "http"}, "failureThreshold": 3, "periodSeconds": 10, "successThreshold": 1, "timeoutSeconds": 1, "initialDelaySeconds": 5}, "securityContext": {"privileged": false, "runAsUser": 0}}]}},
    hash: '7bb9dc9b95',
  },
  {
    name: "resources with quantities",
    template: {"metadata": {"creationTimestamp": null, "labels": {"app": "q"}}, "spec": {"restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst", "securityContext": {}, "schedulerName": "default-scheduler", "containers": [{"name": "my-nginx", "image": "nginx", "imagePullPolicy": "Always", "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File", "resources": {"limits": {"cpu": "0.5", "memory": "128Mi"}, "requests": {"cpu": 1, "memory": "1.5Gi", "ephemeral-storage": "1G"}}}]}},
    hash: '9fddc5c7d',
  },
  {
    name: "command and args, empty lists stay nil",
    template: {"metadata": {"creationTimestamp": null, "labels": {"app": "busybox"}}, "spec": {"restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst", "securityContext": {}, "schedulerName": "default-scheduler", "containers": [{"name": "my-nginx", "image": "busybox", "imagePullPolicy": "Always", "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File", "resources": {}, "command": ["sh", "-c"], "args": ["sleep 3600"], "env": [], "ports": []}]}},
    hash: '769b69c449',
  },
  {
    name: "collisionCount 7",
    template: {"metadata": {"creationTimestamp": null, "labels": {"app": "c"}}, "spec": {"restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst", "securityContext": {}, "schedulerName": "default-scheduler", "containers": [{"name": "my-nginx", "image": "nginx", "imagePullPolicy": "Always", "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File", "resources": {}}]}},
    collisionCount: 7,
    hash: '79ccbbcd9d',
  },
];

/**
 * kubeadm 1.31's CoreDNS Deployment (cmd/kubeadm/app/phases/addons/dns/manifests.go at v1.31,
 * image registry.k8s.io/coredns/coredns:v1.11.3) as the API server stores it after defaulting.
 * Real kind and kubeadm 1.31 clusters name its pods `coredns-7c65d6cfc9-xxxxx`.
 */
const COREDNS_1_31 = {
  "metadata": {
    "creationTimestamp": null,
    "labels": {
      "k8s-app": "kube-dns"
    }
  },
  "spec": {
    "affinity": {
      "podAntiAffinity": {
        "preferredDuringSchedulingIgnoredDuringExecution": [
          {
            "podAffinityTerm": {
              "labelSelector": {
                "matchExpressions": [
                  {
                    "key": "k8s-app",
                    "operator": "In",
                    "values": [
                      "kube-dns"
                    ]
                  }
                ]
              },
              "topologyKey": "kubernetes.io/hostname"
            },
            "weight": 100
          }
        ]
      }
    },
    "containers": [
      {
        "args": [
          "-conf",
          "/etc/coredns/Corefile"
        ],
        "image": "registry.k8s.io/coredns/coredns:v1.11.3",
        "imagePullPolicy": "IfNotPresent",
        "livenessProbe": {
          "failureThreshold": 5,
          "httpGet": {
            "path": "/health",
            "port": 8080,
            "scheme": "HTTP"
          },
          "initialDelaySeconds": 60,
          "periodSeconds": 10,
          "successThreshold": 1,
          "timeoutSeconds": 5
        },
        "name": "coredns",
        "ports": [
          {
            "containerPort": 53,
            "name": "dns",
            "protocol": "UDP"
          },
          {
            "containerPort": 53,
            "name": "dns-tcp",
            "protocol": "TCP"
          },
          {
            "containerPort": 9153,
            "name": "metrics",
            "protocol": "TCP"
          }
        ],
        "readinessProbe": {
          "failureThreshold": 3,
          "httpGet": {
            "path": "/ready",
            "port": 8181,
            "scheme": "HTTP"
          },
          "periodSeconds": 10,
          "successThreshold": 1,
          "timeoutSeconds": 1
        },
        "resources": {
          "limits": {
            "memory": "170Mi"
          },
          "requests": {
            "cpu": "100m",
            "memory": "70Mi"
          }
        },
        "securityContext": {
          "allowPrivilegeEscalation": false,
          "capabilities": {
            "add": [
              "NET_BIND_SERVICE"
            ],
            "drop": [
              "ALL"
            ]
          },
          "readOnlyRootFilesystem": true
        },
        "terminationMessagePath": "/dev/termination-log",
        "terminationMessagePolicy": "File",
        "volumeMounts": [
          {
            "mountPath": "/etc/coredns",
            "name": "config-volume",
            "readOnly": true
          }
        ]
      }
    ],
    "dnsPolicy": "Default",
    "nodeSelector": {
      "kubernetes.io/os": "linux"
    },
    "priorityClassName": "system-cluster-critical",
    "restartPolicy": "Always",
    "schedulerName": "default-scheduler",
    "securityContext": {},
    "serviceAccount": "coredns",
    "serviceAccountName": "coredns",
    "terminationGracePeriodSeconds": 30,
    "tolerations": [
      {
        "key": "CriticalAddonsOnly",
        "operator": "Exists"
      },
      {
        "effect": "NoSchedule",
        "key": "node-role.kubernetes.io/control-plane"
      }
    ],
    "volumes": [
      {
        "configMap": {
          "defaultMode": 420,
          "items": [
            {
              "key": "Corefile",
              "path": "Corefile"
            }
          ],
          "name": "coredns"
        },
        "name": "config-volume"
      }
    ]
  }
};

describe('computePodTemplateHash', () => {
  it('names the ReplicaSet of kubeadm 1.31 CoreDNS as real clusters do', () => {
    expect(computePodTemplateHash(COREDNS_1_31 as unknown as PodTemplateSpec)).to.equal('7c65d6cfc9');
  });

  for (const c of GO_COMPUTED) {
    it(`matches the Go computation: ${c.name}`, () => {
      expect(computePodTemplateHash(c.template as PodTemplateSpec, c.collisionCount)).to.equal(c.hash);
    });
  }

  it('prints Go field names, types and nil values as go-spew does', () => {
    const text = podTemplateSpewText(GO_COMPUTED[0].template as PodTemplateSpec);
    // Fragments of the Go program's spew output for the same template.
    expect(text.startsWith('(v1.PodTemplateSpec){ObjectMeta:(v1.ObjectMeta){Name:(string) GenerateName:(string) ')).to.equal(true);
    expect(text).to.contain('Labels:(map[string]string)map[run:my-nginx] Annotations:(map[string]string)<nil>');
    expect(text).to.contain('Ports:([]v1.ContainerPort)[{Name:(string) HostPort:(int32)0 ContainerPort:(int32)80 Protocol:(v1.Protocol)TCP HostIP:(string)}]');
    expect(text).to.contain('TerminationGracePeriodSeconds:(*int64)30 ActiveDeadlineSeconds:(*int64)<nil>');
  });
});

describe('FNV-32a and SafeEncodeString', () => {
  // FNV-1a test vectors (IETF draft-eastlake-fnv, hash/fnv tests): "" and "a".
  const vectors: [string, number][] = [
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ];
  for (const [input, sum] of vectors) {
    it(`hashes ${JSON.stringify(input)}`, () => {
      const h = new Fnv32a();
      h.write(new TextEncoder().encode(input));
      expect(h.sum32()).to.equal(sum);
    });
  }
  // util/rand/rand.go: digit bytes 0x30-0x39 modulo 27 index "bcdfghjklmnpqrstvwxz2456789".
  it('maps decimal digits to 4-9, b, c, d, f', () => {
    expect(safeEncodeString('0123456789')).to.equal('456789bcdf');
  });
});

describe('canonicalQuantity', () => {
  // Quantity.String() of resource.MustParse(input), k8s.io/apimachinery v0.31.0, run on this machine.
  const table: [string, string][] = [
  ['1', '1'],
  ['100m', '100m'],
  ['0.5', '500m'],
  ['1Gi', '1Gi'],
  ['128Mi', '128Mi'],
  ['1G', '1G'],
  ['500M', '500M'],
  ['1k', '1k'],
  ['1.5Gi', '1536Mi'],
  ['1e3', '1e3'],
  ['1000', '1k'],
  ['1500m', '1500m'],
  ['0', '0'],
  ['2.5', '2500m'],
  ['1Ki', '1Ki'],
  ['0.001', '1m'],
  ['1m', '1m'],
  ['1n', '1n'],
  ['1E', '1E'],
  ['0.1Ki', '102400m'],
  ['1024', '1024'],
  ['1536', '1536'],
  ['2048Ki', '2Mi'],
  ['1.5', '1500m'],
  ['12e2', '1200'],
  ['100Gi', '100Gi'],
  ['0.0000000001', '1n'],
  ['-1', '-1'],
  ['1M', '1M'],
  ['1000000', '1M'],
  ['0.25Gi', '256Mi'],
  ['3e-3', '3e-3'],
  ];
  for (const [input, canonical] of table) {
    it(`${input} -> ${canonical}`, () => {
      expect(canonicalQuantity(input)).to.equal(canonical);
    });
  }
});
