Feature: Where commands run: the user's machine, a pod, a node, outside the cluster
  The same command line means the same thing on every backend: in a pod it is
  `kubectl exec POD -- sh -c 'COMMAND'`, on a node it is the node's own shell.

  Background:
    When I run `kubectl run shell --image=busybox --command -- sleep 3600`
    And I run `kubectl wait --for=condition=Ready pod/shell --timeout=120s`

  Scenario: A command in a pod runs with the pod's shell and tools
    When I run `echo "$(hostname) says hi" | tr a-z A-Z` in pod "shell"
    Then the command succeeds
    And the output matches:
      """
      SHELL SAYS HI
      """

  Scenario: A pod's failing command fails as kubectl exec reports it
    When I run `exit 3` in pod "shell"
    Then the exit code is 3
    And the error output contains "command terminated with exit code 3"

  Scenario: A command in a missing pod gets kubectl's error
    When I run `true` in pod "nope"
    Then the command fails with "Error from server (NotFound): pods \"nope\" not found"

  @node-shell
  Scenario: A node's shell reaches pod IPs
    When I remember `kubectl get pod shell -o jsonpath='{.status.podIP}'` as "POD_IP"
    And I run `cat /etc/hostname` on node "kind-worker"
    Then the output matches:
      """
      kind-worker
      """
    When I run `ping -c 1 ${POD_IP}` on node "kind-worker"
    Then the command succeeds
    And the output contains "1 packets transmitted, 1 received"

  @outside-client
  Scenario: From outside the cluster, ClusterIPs are out of reach and NodePorts answer
    When I run `kubectl create deployment web --image=nginx`
    And I run `kubectl expose deployment web --port=80 --type=NodePort`
    And I run `kubectl rollout status deployment/web --timeout=120s`
    And I remember `kubectl get svc web -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I remember `kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'` as "NODE_PORT"
    And I remember `kubectl get node kind-worker -o jsonpath='{.status.addresses[0].address}'` as "NODE_IP"
    And I run `curl -s -m 2 http://${CLUSTER_IP}/` from outside the cluster
    Then the command fails
    When I run `curl -s http://${NODE_IP}:${NODE_PORT}/` from outside the cluster
    Then the output contains "Welcome to nginx!"
