# Seed: shared/seeds/001_511da3bc7decc1d7.txt ("Kubernetes in Action" ch. 5), 5.3: NodePort,
# LoadBalancer and what happens to outside connections (extra hops, externalTrafficPolicy,
# the client IP lost to SNAT). The book's nodes were GCE VMs reached on public addresses
# (gcloud firewall rule for tcp:30123); on kind the machine running the tests reaches the
# nodes' InternalIPs on the docker network, so "outside the cluster" uses those. The book's
# 130.211.53.173 came from GCE: here a load balancer provider hands out 172.18.255.200.
# Whether the client address survived is read in kubia's log (`Received request from ...`);
# for externalTrafficPolicy the single kubia pod is pinned to kind-worker with nodeName.
Feature: Exposing kubia to clients outside the cluster

  Background:
    Given a file "kubia-rc.yaml":
      """
      apiVersion: v1
      kind: ReplicationController
      metadata:
        name: kubia
      spec:
        replicas: 3
        selector:
          app: kubia
        template:
          metadata:
            labels:
              app: kubia
          spec:
            containers:
            - name: kubia
              image: luksa/kubia
              ports:
              - containerPort: 8080
      """
    And a file "kubia-svc-nodeport.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: kubia-nodeport
      spec:
        type: NodePort
        ports:
        - port: 80
          targetPort: 8080
          nodePort: 30123
        selector:
          app: kubia
      """
    And a file "kubia-svc-loadbalancer.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: kubia-loadbalancer
      spec:
        type: LoadBalancer
        ports:
        - port: 80
          targetPort: 8080
        selector:
          app: kubia
      """

  @conformance @outside-client
  Scenario: NodePort 30123 answers from outside on every node
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl create -f kubia-svc-nodeport.yaml`
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I remember `kubectl get nodes kind-control-plane -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'` as "NODE0"
    And I remember `kubectl get nodes kind-worker -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'` as "NODE1"
    And I remember `kubectl get nodes kind-worker2 -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'` as "NODE2"
    And I run `curl -s http://${NODE0}:30123` from outside the cluster
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    When I run `curl -s http://${NODE1}:30123` from outside the cluster
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    When I run `curl -s http://${NODE2}:30123` from outside the cluster
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    When I run `curl -s -m 2 http://${NODE1}:80` from outside the cluster
    Then the command fails
    When I run `kubectl get svc kubia-nodeport -o jsonpath='{.spec.clusterIP}'`
    And I remember the output as "CLUSTER_IP"
    And I run `curl -s -m 2 http://${CLUSTER_IP}` from outside the cluster
    Then the command fails

  @loadbalancer @cluster-profile @outside-client
  Scenario: A LoadBalancer Service answers on its external IP from outside
    Given a load balancer provider with addresses "172.18.255.200-172.18.255.250"
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl create -f kubia-svc-loadbalancer.yaml`
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    # node needs a moment after the container starts before app.js listens on 8080.
    And 2 seconds pass
    And I wait until `kubectl get svc kubia-loadbalancer` outputs "172.18.255.200"
    Then the output matches:
      """
      NAME                 TYPE           CLUSTER-IP   EXTERNAL-IP      PORT(S)        AGE
      kubia-loadbalancer   LoadBalancer   <ip>         172.18.255.200   80:<port>/TCP   <age>
      """
    When I run `curl -s http://172.18.255.200` from outside the cluster
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    When I run `for i in $(seq 1 30); do curl -s http://172.18.255.200; done | sort -u | wc -l` from outside the cluster
    Then the output matches:
      """
      3
      """
    # A LoadBalancer Service is a NodePort Service too: its node port answers on every node.
    When I remember `kubectl get svc kubia-loadbalancer -o jsonpath='{.spec.ports[0].nodePort}'` as "NODE_PORT"
    And I remember `kubectl get nodes kind-worker -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'` as "NODE1"
    And I run `curl -s http://${NODE1}:${NODE_PORT}` from outside the cluster
    Then the output matches:
      """
      You've hit kubia-<hash>
      """

  @conformance @outside-client
  Scenario: externalTrafficPolicy Cluster masquerades the client; Local keeps it and only nodes with a pod answer
    Given a file "kubia-pod.yaml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: kubia-only
        labels:
          app: kubia
      spec:
        nodeName: kind-worker
        containers:
        - name: kubia
          image: luksa/kubia
          ports:
          - containerPort: 8080
      """
    When I run `kubectl create -f kubia-pod.yaml`
    And I run `kubectl create -f kubia-svc-nodeport.yaml`
    And I run `kubectl wait --for=condition=Ready pod/kubia-only --timeout=120s`
    And 2 seconds pass
    And I remember `kubectl get nodes kind-worker -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'` as "NODE_WITH_POD"
    And I remember `kubectl get nodes kind-worker2 -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'` as "NODE_WITHOUT_POD"
    And I run `curl -s http://${NODE_WITHOUT_POD}:30123` from outside the cluster
    Then the output matches:
      """
      You've hit kubia-only
      """
    When I run `kubectl logs kubia-only`
    Then the output matches:
      """
      Kubia server starting...
      Received request from <any>
      """
    And the output does not contain "172.18.0.1"
    When I run `kubectl patch svc kubia-nodeport -p '{"spec":{"externalTrafficPolicy":"Local"}}'`
    Then the output contains "service/kubia-nodeport patched"
    When I run `curl -s http://${NODE_WITH_POD}:30123` from outside the cluster
    Then the output matches:
      """
      You've hit kubia-only
      """
    When I run `kubectl logs kubia-only --tail=1`
    Then the output matches:
      """
      Received request from <any>172.18.0.1
      """
    When I run `curl -s -m 2 http://${NODE_WITHOUT_POD}:30123` from outside the cluster
    Then the exit code is 28
