# Seed: shared/seeds/003_d937de37f44e6993.txt, "Service代理模式 iptables VS ipvs": iptables is
# kube-proxy's default mode; every Service is a chain of rules the packet walks in turn.
# The seed shows no rules; `iptables-save -t nat` on a kind node shows them. Chain names are
# kube-proxy's hashes: KUBE-SVC-<hash of "default/web" and "tcp"> is the same on every cluster
# (proxy/iptables/proxier.go, servicePortChainName), KUBE-SEP-<hash> also hashes the pod's
# address, so it is matched with <any>. Pod and cluster IPs are random: <ip>.
@iptables-rules @node-shell
Feature: kube-proxy in iptables mode: the rules a packet to web crosses

  Background:
    When I run `kubectl create deployment web --image=nginx:1.18-alpine --replicas=3`
    And I run `kubectl expose deployment web --port=80 --type=NodePort --target-port=80 --name=web`
    And I run `kubectl rollout status deployment web`
    And I remember `kubectl get svc web -o jsonpath='{.spec.clusterIP}'` as "WEB_IP"
    And I remember `kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'` as "WEB_NODE_PORT"

  Scenario: The cluster IP leads to KUBE-SVC, which picks one KUBE-SEP per pod at random
    When I run `iptables-save -t nat | grep 'default/web cluster IP'` on node "kind-worker"
    Then the output matches:
      """
      -A KUBE-SERVICES -d ${WEB_IP}/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G
      -A KUBE-SVC-LOLE4ISW44XBNF3G ! -s 10.244.0.0/16 -d ${WEB_IP}/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
      """
    # Three endpoints: the first rule takes 1/3 of the packets, the second half of the rest, the last all that remain.
    When I run `iptables-save -t nat | grep -e '^-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment'` on node "kind-worker"
    Then the output matches:
      """
      -A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> <ip:port>" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-<any>
      -A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> <ip:port>" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-<any>
      -A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> <ip:port>" -j KUBE-SEP-<any>
      """
    # Each KUBE-SEP chain rewrites the destination to one pod.
    When I run `iptables-save -t nat | grep -e '^-A KUBE-SEP' | grep '"default/web"' | grep -c 'DNAT --to-destination 10.244.'` on node "kind-worker"
    Then the output matches:
      """
      3
      """

  # The NodePort has two KUBE-NODEPORTS rules: kube-proxy 1.31 first counts packets to
  # 127.0.0.0/8 with its nfacct counter (localhost NodePorts are on, and kind's kernels have
  # nfacct), then takes the port on any local address (proxy/iptables/proxier.go, syncProxyRules).
  Scenario: Every node has the same rules, the NodePort included
    When I run `iptables-save -t nat | grep '^-A' | grep KUBE-EXT-LOLE4ISW44XBNF3G` on node "kind-control-plane"
    Then the output matches:
      """
      -A KUBE-EXT-LOLE4ISW44XBNF3G -m comment --comment "masquerade traffic for default/web external destinations" -j KUBE-MARK-MASQ
      -A KUBE-EXT-LOLE4ISW44XBNF3G -j KUBE-SVC-LOLE4ISW44XBNF3G
      -A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "default/web" -m tcp --dport ${WEB_NODE_PORT} -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j KUBE-EXT-LOLE4ISW44XBNF3G
      -A KUBE-NODEPORTS -p tcp -m comment --comment "default/web" -m tcp --dport ${WEB_NODE_PORT} -j KUBE-EXT-LOLE4ISW44XBNF3G
      """
    When I run `iptables-save -t nat | grep '^-A KUBE-NODEPORTS'` on node "kind-worker2"
    Then the output contains "--dport ${WEB_NODE_PORT} -j KUBE-EXT-LOLE4ISW44XBNF3G"

  Scenario: Rules follow the endpoints: scaling changes the KUBE-SVC chain
    When I run `kubectl scale deployment web --replicas=1`
    And I wait until `kubectl get endpoints web -o jsonpath='{.subsets[0].addresses[*].ip}' | wc -w` outputs "1"
    And I run `iptables-save -t nat | grep -e '^-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment'` on node "kind-worker"
    Then the output matches:
      """
      -A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> <ip:port>" -j KUBE-SEP-<any>
      """

  Scenario: A Service without pods has no KUBE-SVC chain to jump to, and a REJECT rule instead
    When I run `kubectl scale deployment web --replicas=0`
    # Terminating pods that still pass their readiness checks keep serving until they are gone
    # (pkg/proxy/topology.go, CategorizeEndpoints): wait for the pods to go.
    And I run `kubectl wait --for=delete pod -l app=web --timeout=120s`
    And I wait until `kubectl get endpoints web` outputs "<none>"
    And I run `iptables-save -t nat | grep -c 'default/web'` on node "kind-worker"
    Then the output matches:
      """
      0
      """
    And the command fails
    When I run `iptables-save -t filter | grep 'default/web has no endpoints'` on node "kind-worker"
    Then the output contains "-j REJECT --reject-with icmp-port-unreachable"

  # "规则遍历匹配...呈线性时延": a packet is matched against KUBE-SERVICES rule by rule, and
  # every Service port with endpoints adds one more rule to walk.
  Scenario: Each Service adds a rule to the KUBE-SERVICES list every packet walks
    When I run `iptables-save -t nat | grep -c '^-A KUBE-SERVICES'` on node "kind-worker"
    And I remember the output as "RULES_BEFORE"
    And I run `kubectl create deployment web1 --image=nginx:1.18-alpine`
    And I run `kubectl expose deployment web1 --port=80 --type=NodePort --target-port=80 --name=web1`
    And I run `kubectl rollout status deployment web1`
    And I wait until `kubectl get endpoints web1` outputs ":80"
    And I run `echo $(( $(iptables-save -t nat | grep -c '^-A KUBE-SERVICES') - ${RULES_BEFORE} ))` on node "kind-worker"
    Then the output matches:
      """
      1
      """
    When I run `iptables-save -t nat | grep '^-A KUBE-SERVICES' | tail -n 1` on node "kind-worker"
    Then the output contains "kubernetes service nodeports; NOTE: this must be the last rule in this chain"
