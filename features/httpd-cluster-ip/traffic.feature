# Seed: shared/seeds/004_56c8b0acdd8cfc9d.txt (CSDN post: httpd behind httpd-svc).
# The post shows its outputs as screenshots only; the scenarios replay its commands and
# assert what its text says of them. Its addresses (ClusterIP 10.97.198.28 / 10.99.229.179,
# NodePort 31276) were random and are matched with placeholders. Its chain KUBE-SVC-IYRDZZKXS5EOQ6Q6
# hashes only "${NAMESPACE}/httpd-svc" + "tcp", so it is asserted as the post prints it; the
# KUBE-SEP-... names also hash the pod's IP:port and are matched with <any>.
# The post ran curl on a cluster node; kind's nodes are kind-control-plane, kind-worker ...
# A second passes after the rollout, as it does while one types the next command: httpd
# takes a moment after its container starts before it listens.
Feature: httpd-svc traffic: curl to the ClusterIP, the iptables rules, the NodePort

  Background:
    Given a file "httpd.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: httpd
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: httpd
        template:
          metadata:
            labels:
              app: httpd
          spec:
            containers:
            - name: httpd
              image: httpd
              ports:
              - containerPort: 80
      """
    And a file "httpd-svc.yml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: httpd-svc
      spec:
        selector:
          app: httpd
        ports:
        - protocol: TCP
          port: 8080
          targetPort: 80
      """
    When I run `kubectl apply -f httpd.yml`
    And I run `kubectl rollout status deployment/httpd --timeout=120s`
    And I run `kubectl apply -f httpd-svc.yml`
    And I remember `kubectl get svc httpd-svc -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And 1 seconds pass

  # The post types `kubectl get pod -o wid`; kubectl knows no such format.
  @conformance
  Scenario: The post's "kubectl get pod -o wid" is refused
    When I run `kubectl get pod -o wid`
    Then the command fails with "error: unable to match a printer suitable for the output format \"wid\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml"

  @conformance @node-shell
  Scenario: A node reaches the httpd pods through the ClusterIP
    When I run `curl -s ${CLUSTER_IP}:8080` on node "kind-control-plane"
    Then the command succeeds
    And the output matches:
      """
      <html><body><h1>It works!</h1></body></html>
      """

  # "Pod分配了各自的IP,这些IP只能被Kubernetes Cluster中的容器和节点访问"
  @conformance @node-shell
  Scenario: The pod IPs answer nodes and containers, not clients outside the cluster
    When I remember `kubectl get pods -l app=httpd -o jsonpath='{.items[0].status.podIP}'` as "POD_IP"
    And I run `curl -s ${POD_IP}` on node "kind-worker"
    Then the output matches:
      """
      <html><body><h1>It works!</h1></body></html>
      """
    When I run `kubectl run client --image=busybox --restart=Never -- sleep 3600`
    And I run `kubectl wait --for=condition=Ready pod/client --timeout=120s`
    And I run `wget -qO- ${POD_IP}` in pod "client"
    Then the output contains "<h1>It works!</h1>"
    When I run `curl -s --connect-timeout 2 ${POD_IP}` from outside the cluster
    Then the exit code is 28
    When I run `curl -s --connect-timeout 2 ${CLUSTER_IP}:8080` from outside the cluster
    Then the exit code is 28


  # "2.Cluster IP底层实现": the post's rules, as kube-proxy 1.31 writes them. The chain name
  # KUBE-SVC-IYRDZZKXS5EOQ6Q6 is the post's own: it hashes "${NAMESPACE}/httpd-svc" + "tcp".
  # The post (an older kube-proxy) put the "! -s 10.244.0.0/16 ... KUBE-MARK-MASQ" rule in
  # KUBE-SERVICES; since kube-proxy 1.2x it is the first rule of the KUBE-SVC chain.
  @conformance @iptables-rules @node-shell
  Scenario: The ClusterIP is iptables rules: KUBE-SERVICES, KUBE-SVC with probability 1/2, KUBE-SEP DNAT
    When I remember `kubectl get pods -l app=httpd -o jsonpath='{.items[0].status.podIP}'` as "POD_A"
    And I remember `kubectl get pods -l app=httpd -o jsonpath='{.items[1].status.podIP}'` as "POD_B"
    And I run `iptables-save -t nat | grep -- '-A KUBE-SERVICES' | grep httpd-svc` on node "kind-worker"
    Then the output matches:
      """
      -A KUBE-SERVICES -d ${CLUSTER_IP}/32 -p tcp -m comment --comment "${NAMESPACE}/httpd-svc cluster IP" -m tcp --dport 8080 -j KUBE-SVC-IYRDZZKXS5EOQ6Q6
      """
    When I run `iptables-save -t nat | grep -- '-A KUBE-SVC-IYRDZZKXS5EOQ6Q6'` on node "kind-worker"
    Then the output matches:
      """
      -A KUBE-SVC-IYRDZZKXS5EOQ6Q6 ! -s 10.244.0.0/16 -d ${CLUSTER_IP}/32 -p tcp -m comment --comment "${NAMESPACE}/httpd-svc cluster IP" -m tcp --dport 8080 -j KUBE-MARK-MASQ
      -A KUBE-SVC-IYRDZZKXS5EOQ6Q6 -m comment --comment "${NAMESPACE}/httpd-svc -> <ip:port>" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-<any>
      -A KUBE-SVC-IYRDZZKXS5EOQ6Q6 -m comment --comment "${NAMESPACE}/httpd-svc -> <ip:port>" -j KUBE-SEP-<any>
      """
    When I run `iptables-save -t nat | grep -- '-A KUBE-SEP-' | grep '"${NAMESPACE}/httpd-svc"'` on node "kind-worker"
    Then the output matches:
      """
      -A KUBE-SEP-<any> -s <ip>/32 -m comment --comment "${NAMESPACE}/httpd-svc" -j KUBE-MARK-MASQ
      -A KUBE-SEP-<any> -p tcp -m comment --comment "${NAMESPACE}/httpd-svc" -m tcp -j DNAT --to-destination <ip:port>
      -A KUBE-SEP-<any> -s <ip>/32 -m comment --comment "${NAMESPACE}/httpd-svc" -j KUBE-MARK-MASQ
      -A KUBE-SEP-<any> -p tcp -m comment --comment "${NAMESPACE}/httpd-svc" -m tcp -j DNAT --to-destination <ip:port>
      """
    And the output contains "-j DNAT --to-destination ${POD_A}:80"
    And the output contains "-j DNAT --to-destination ${POD_B}:80"
    # every node holds the same rules
    When I run `iptables-save -t nat | grep -c 'default/httpd-svc'` on node "kind-control-plane"
    Then the output matches:
      """
      8
      """

  # "iptables将访问Service的流量转发到后端Pod": each pod is made to answer its own name,
  # so that the answers show which pod a request reached.
  @conformance @node-shell
  Scenario: Requests to the ClusterIP are spread over both pods
    When I run `for p in $(kubectl get pods -l app=httpd -o name); do kubectl exec $p -- sh -c 'hostname > htdocs/index.html'; done`
    And I run `for i in $(seq 1 20); do curl -s ${CLUSTER_IP}:8080; done | sort -u | wc -l` on node "kind-worker"
    Then the output matches:
      """
      2
      """
    When I run `kubectl get pods -l app=httpd -o name | sed 's|pod/||' | sort`
    And I remember the output as "PODS"
    And I run `for i in $(seq 1 20); do curl -s ${CLUSTER_IP}:8080; done | sort -u` on node "kind-worker"
    Then the output matches:
      """
      ${PODS}
      """

  # "3.外网如何访问Service": NodePort. The post's PORT(S) 8080:31276 was a random pick
  # from 30000-32767; EXTERNAL-IP "<nodes>" was printed by old kubectl versions; today it is <none>.
  @conformance @node-shell
  Scenario: A NodePort answers on every node's IP from outside the cluster
    Given a file "httpd-svc-nodeport.yml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: httpd-svc
      spec:
        type: NodePort
        selector:
          app: httpd
        ports:
        - protocol: TCP
          port: 8080
          targetPort: 80
      """
    When I run `kubectl apply -f httpd-svc-nodeport.yml`
    And I remember `kubectl get svc httpd-svc -o jsonpath='{.spec.ports[0].nodePort}'` as "NODE_PORT"
    And I run `kubectl get svc httpd-svc`
    Then the output matches:
      """
      NAME        TYPE       CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE
      httpd-svc   NodePort   ${CLUSTER_IP}   <none>        8080:${NODE_PORT}/TCP   <age>
      """
    When I run `test ${NODE_PORT} -ge 30000 && test ${NODE_PORT} -le 32767`
    Then the command succeeds
    When I remember `kubectl get nodes -o jsonpath='{.items[*].status.addresses[?(@.type=="InternalIP")].address}'` as "NODE_IPS"
    And I run `for ip in ${NODE_IPS}; do curl -s $ip:${NODE_PORT}; done` from outside the cluster
    Then the output matches:
      """
      <html><body><h1>It works!</h1></body></html>
      <html><body><h1>It works!</h1></body></html>
      <html><body><h1>It works!</h1></body></html>
      """
    When I run `curl -s ${CLUSTER_IP}:8080` on node "kind-worker2"
    Then the output contains "<h1>It works!</h1>"

  # "与ClusterIP一样,NodePort也是借助了iptables ... 访问31276会应用规则KUBE-SVC-IYRDZZKXS5EOQ6Q6".
  # The post's two KUBE-NODEPORTS rules (MARK-MASQ, then KUBE-SVC) are, since kube-proxy 1.24,
  # one jump to KUBE-EXT-IYRDZZKXS5EOQ6Q6, which marks for masquerade and jumps to KUBE-SVC.
  # (Where the kernel has nfacct, kube-proxy adds a twin rule for -d 127.0.0.0/8; the grep
  # keeps the rule the post describes.)
  @conformance @iptables-rules @node-shell
  Scenario: The node port is iptables rules that lead to the same KUBE-SVC chain
    When I run `kubectl patch svc httpd-svc -p '{"spec":{"type":"NodePort"}}'`
    And I remember `kubectl get svc httpd-svc -o jsonpath='{.spec.ports[0].nodePort}'` as "NODE_PORT"
    And I run `iptables-save -t nat | grep -- '-A KUBE-NODEPORTS -p tcp'` on node "kind-worker"
    Then the output matches:
      """
      -A KUBE-NODEPORTS -p tcp -m comment --comment "${NAMESPACE}/httpd-svc" -m tcp --dport ${NODE_PORT} -j KUBE-EXT-IYRDZZKXS5EOQ6Q6
      """
    When I run `iptables-save -t nat | grep -- '-A KUBE-EXT-IYRDZZKXS5EOQ6Q6'` on node "kind-worker"
    Then the output matches:
      """
      -A KUBE-EXT-IYRDZZKXS5EOQ6Q6 -m comment --comment "masquerade traffic for default/httpd-svc external destinations" -j KUBE-MARK-MASQ
      -A KUBE-EXT-IYRDZZKXS5EOQ6Q6 -j KUBE-SVC-IYRDZZKXS5EOQ6Q6
      """
    When I run `iptables-save -t nat | grep -- '-A KUBE-SERVICES' | tail -n 1` on node "kind-worker"
    Then the output matches:
      """
      -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
      """

  # "NodePort默认的是随机选择,不过我们可以用nodePort指定某个特定端口": nodePort on the node,
  # port on the ClusterIP, targetPort on the pod; each answers only where it listens.
  @conformance @node-shell
  Scenario: nodePort, port and targetPort each listen in one place
    Given a file "httpd-svc-30080.yml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: httpd-svc
      spec:
        type: NodePort
        selector:
          app: httpd
        ports:
        - protocol: TCP
          nodePort: 30080
          port: 8080
          targetPort: 80
      """
    When I run `kubectl apply -f httpd-svc-30080.yml`
    And I run `kubectl get svc httpd-svc`
    Then the output matches:
      """
      NAME        TYPE       CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE
      httpd-svc   NodePort   ${CLUSTER_IP}   <none>        8080:30080/TCP   <age>
      """
    When I remember `kubectl get node kind-worker -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'` as "NODE_IP"
    And I remember `kubectl get pods -l app=httpd -o jsonpath='{.items[0].status.podIP}'` as "POD_IP"
    And I run `curl -s ${NODE_IP}:30080` from outside the cluster
    Then the output contains "<h1>It works!</h1>"
    When I run `curl -s ${CLUSTER_IP}:8080` on node "kind-worker"
    Then the output contains "<h1>It works!</h1>"
    When I run `curl -s ${POD_IP}:80` on node "kind-worker"
    Then the output contains "<h1>It works!</h1>"
    When I run `curl -s ${POD_IP}:8080` on node "kind-worker"
    Then the exit code is 7
    When I run `curl -s --connect-timeout 2 ${CLUSTER_IP}:80` on node "kind-worker"
    Then the exit code is 28
    When I run `curl -s --connect-timeout 2 ${NODE_IP}:8080` from outside the cluster
    Then the exit code is 7

  # "Service有自己的IP,而且这个IP是不变的 ... Kubernetes则负责建立和维护Service与Pod的映射关系。
  # 无论后端Pod如何变化,对客户端不会有任何影响": a pod is replaced; the ClusterIP and its
  # KUBE-SERVICES rule stay, the KUBE-SEP DNAT rules follow the new pod.
  @conformance @iptables-rules @node-shell
  Scenario: When a pod is replaced, the ClusterIP stays and the DNAT rules follow the new pod
    When I remember `kubectl get pods -l app=httpd -o jsonpath='{.items[0].metadata.name}'` as "VICTIM"
    And I remember `kubectl get pod ${VICTIM} -o jsonpath='{.status.podIP}'` as "OLD_IP"
    And I run `kubectl delete pod ${VICTIM}`
    Then the output contains "pod \"${VICTIM}\" deleted"
    When I run `kubectl rollout status deployment/httpd --timeout=120s`
    And I wait until `kubectl get endpoints httpd-svc` outputs ","
    And 1 seconds pass
    And I run `kubectl get endpoints httpd-svc`
    Then the output does not contain "${OLD_IP}:80"
    When I run `kubectl get svc httpd-svc -o jsonpath='{.spec.clusterIP}'`
    Then the output matches:
      """
      ${CLUSTER_IP}
      """
    When I remember `kubectl get pods -l app=httpd --sort-by=.metadata.creationTimestamp -o jsonpath='{.items[1].status.podIP}'` as "NEW_IP"
    And I run `iptables-save -t nat | grep -- '-A KUBE-SEP-' | grep '"${NAMESPACE}/httpd-svc"' | grep DNAT` on node "kind-worker"
    Then the output contains "--to-destination ${NEW_IP}:80"
    And the output does not contain "--to-destination ${OLD_IP}:80"
    When I run `iptables-save -t nat | grep -c -- '-j KUBE-SVC-IYRDZZKXS5EOQ6Q6'` on node "kind-worker"
    Then the output matches:
      """
      1
      """
    When I run `curl -s ${CLUSTER_IP}:8080` on node "kind-worker"
    Then the output matches:
      """
      <html><body><h1>It works!</h1></body></html>
      """
