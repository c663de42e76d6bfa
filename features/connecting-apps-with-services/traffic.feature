# Seed: shared/seeds/000_b5a4487dfbc02210.txt ("Connecting Applications with Services", kubernetes.io),
# the traffic of its first half: curl to the pod IPs from a node and curl to <CLUSTER-IP>:<PORT>
# from a node. "SSH to a node" is the node-shell step (kind's nodes are containers). The
# seed's pods and IPs differ on every cluster: the scenarios read them with jsonpath.
@conformance
Feature: Connecting applications with services: requests to pods and to the Service

  Background:
    Given a file "run-my-nginx.yaml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: my-nginx
      spec:
        selector:
          matchLabels:
            run: my-nginx
        replicas: 2
        template:
          metadata:
            labels:
              run: my-nginx
          spec:
            containers:
            - name: my-nginx
              image: nginx
              ports:
              - containerPort: 80
      """
    When I run `kubectl apply -f ./run-my-nginx.yaml`
    And I run `kubectl rollout status deployment/my-nginx --timeout=120s`
    And I remember `kubectl get pods -l run=my-nginx -o jsonpath='{.items[0].status.podIP}'` as "POD_IP_1"
    And I remember `kubectl get pods -l run=my-nginx -o jsonpath='{.items[1].status.podIP}'` as "POD_IP_2"

  @node-shell
  Scenario: From any node, curl reaches both pods on their own IPs
    When I run `curl -s http://${POD_IP_1}` on node "kind-worker"
    Then the command succeeds
    And the output matches:
      """
      <!DOCTYPE html>
      <html>
      <head>
      <title>Welcome to nginx!</title>
      <...>
      <h1>Welcome to nginx!</h1>
      <...>
      </html>
      """
    When I run `curl -s http://${POD_IP_2}` on node "kind-worker"
    Then the output contains "<h1>Welcome to nginx!</h1>"
    When I run `curl -s http://${POD_IP_1}` on node "kind-control-plane"
    Then the output contains "<h1>Welcome to nginx!</h1>"
    When I run `curl -s http://${POD_IP_2}` on node "kind-worker2"
    Then the output contains "<h1>Welcome to nginx!</h1>"

  @node-shell @iptables-rules
  Scenario: Before a Service no NAT rule leads to the pods, and the containers do not take the node's port 80
    # "the containers do not use port 80 on the node, and there are no special NAT rules
    # routing traffic to the pods": before any Service, the nat table names no pod IP, and
    # the node itself has nothing listening on port 80 (curl's exit 7: could not connect).
    When I run `iptables-save -t nat | grep -c -F -w -e ${POD_IP_1} -e ${POD_IP_2}` on node "kind-worker"
    Then the output matches:
      """
      0
      """
    When I run `curl -s http://localhost:80` on node "kind-worker"
    Then the exit code is 7
    # Only a Service brings rules that name them: per endpoint, the KUBE-SVC rule that picks
    # it and the KUBE-SEP rules that mark and DNAT (FIDELITY §5).
    When I run `kubectl expose deployment/my-nginx`
    And I run `iptables-save -t nat | grep -c -F -w -e ${POD_IP_1} -e ${POD_IP_2}` on node "kind-worker"
    Then the output matches:
      """
      6
      """

  @node-shell
  Scenario: Several pods on one node all use the same containerPort
    # "you can run multiple nginx pods on the same node all using the same containerPort":
    # six replicas on two workers put at least two pods on a node, each answering on its own IP.
    When I run `kubectl scale deployment my-nginx --replicas=6`
    And I run `kubectl rollout status deployment/my-nginx --timeout=120s`
    And I run `kubectl get pods -l run=my-nginx -o jsonpath='{range .items[*]}{.spec.nodeName}{"\n"}{end}' | sort | uniq -c | sort -rn | head -1 | awk '{ print ($1 >= 2 ? "several pods on " : "one pod on ") $2 }'`
    Then the output matches:
      """
      several pods on kind-worker<any>
      """
    When I run `for ip in $(kubectl get pods -l run=my-nginx -o jsonpath='{.items[*].status.podIP}'); do echo "$ip"; done | sort -u | wc -l`
    Then the output matches:
      """
      6
      """
    When I remember `kubectl get pods -l run=my-nginx -o jsonpath='{.items[*].status.podIP}'` as "POD_IPS"
    And I run `for ip in ${POD_IPS}; do curl -s -o /dev/null -w '%{http_code}\n' http://$ip:80; done` on node "kind-worker"
    Then the output matches:
      """
      200
      200
      200
      200
      200
      200
      """

  @node-shell
  Scenario: From any node, curl reaches nginx on <CLUSTER-IP>:<PORT>
    When I run `kubectl expose deployment/my-nginx`
    And I remember `kubectl get svc my-nginx -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `curl -s ${CLUSTER_IP}:80` on node "kind-worker"
    Then the command succeeds
    And the output matches:
      """
      <!DOCTYPE html>
      <...>
      <h1>Welcome to nginx!</h1>
      <...>
      </html>
      """
    When I run `curl -s ${CLUSTER_IP}:80` on node "kind-control-plane"
    Then the output contains "<title>Welcome to nginx!</title>"

  @node-shell @iptables-rules
  Scenario: The Service IP is virtual: kube-proxy's rules spread it over the pods
    # "the Service IP is completely virtual, it never hits the wire": the nat table rewrites
    # it to one of the two endpoints, the first with probability 1/2 (FIDELITY §5).
    When I run `kubectl expose deployment/my-nginx`
    And I remember `kubectl get svc my-nginx -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `iptables-save -t nat | grep '${NAMESPACE}/my-nginx' | grep -e 'cluster IP' -e 'statistic' -e 'DNAT' | sort` on node "kind-worker"
    Then the output matches:
      """
      -A KUBE-SEP-<any>-p tcp -m comment --comment "${NAMESPACE}/my-nginx" -m tcp -j DNAT --to-destination <ip:port>
      -A KUBE-SEP-<any>-p tcp -m comment --comment "${NAMESPACE}/my-nginx" -m tcp -j DNAT --to-destination <ip:port>
      -A KUBE-SERVICES -d ${CLUSTER_IP}/32 -p tcp -m comment --comment "${NAMESPACE}/my-nginx cluster IP" -m tcp --dport 80 -j KUBE-SVC-<any>
      -A KUBE-SVC-<any> ! -s 10.244.0.0/16 -d ${CLUSTER_IP}/32 -p tcp -m comment --comment "${NAMESPACE}/my-nginx cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
      -A KUBE-SVC-<any> -m comment --comment "${NAMESPACE}/my-nginx -> <ip:port>" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-<any>
      """
    And the output contains "--to-destination ${POD_IP_1}:80"
    And the output contains "--to-destination ${POD_IP_2}:80"

  @outside-client
  Scenario: The ClusterIP is only reachable inside the cluster
    # "CLUSTER-IP is only available inside your cluster/private cloud network".
    When I run `kubectl expose deployment/my-nginx`
    And I remember `kubectl get svc my-nginx -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `curl -s --max-time 5 ${CLUSTER_IP}:80` from outside the cluster
    Then the command fails
    And the output does not contain "Welcome to nginx!"

  @node-shell
  Scenario: Requests to the Service are load-balanced over its pods
    # "communication to the Service will be automatically load-balanced out to some pod that
    # is a member of the Service". Both nginx pods serve the same page, so each first writes its
    # own name into it; 20 requests to the ClusterIP then come back from both pods (each goes to
    # either with probability 1/2: all 20 on one pod has a chance of 2 in a million).
    When I run `kubectl expose deployment/my-nginx`
    And I run `for pod in $(kubectl get pods -l run=my-nginx -o name); do kubectl exec $pod -- sh -c 'hostname > /usr/share/nginx/html/index.html'; done`
    And I remember `kubectl get svc my-nginx -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `for i in $(seq 1 20); do curl -s ${CLUSTER_IP}:80; done | sort -u` on node "kind-worker"
    Then the output matches:
      """
      my-nginx-<hash>-<hash>
      my-nginx-<hash>-<hash>
      """

  Scenario: Pods recreated after the Service are spread over the nodes
    # "This time the Service exists before the replicas. This will give you scheduler-level
    # Service spreading of your pods (provided all your nodes have equal capacity)": the two
    # new pods land on the two workers (the control-plane node is tainted for workloads).
    When I run `kubectl expose deployment/my-nginx`
    And I run `kubectl scale deployment my-nginx --replicas=0; kubectl scale deployment my-nginx --replicas=2;`
    And I run `kubectl rollout status deployment/my-nginx --timeout=120s`
    # The old pods may still be terminating for a moment; the two new ones are what counts.
    And I wait until `kubectl get pods -l run=my-nginx --no-headers | wc -l` outputs "2"
    And I run `kubectl get pods -l run=my-nginx -o wide`
    Then the output matches:
      """
      NAME                        READY   STATUS    RESTARTS   AGE   IP      NODE    NOMINATED NODE   READINESS GATES
      my-nginx-<hash>-<hash>   1/1     Running   0          <age>   <ip>   kind-worker<any>
      my-nginx-<hash>-<hash>   1/1     Running   0          <age>   <ip>   kind-worker<any>
      """
    When I run `kubectl get pods -l run=my-nginx -o jsonpath='{range .items[*]}{.spec.nodeName}{"\n"}{end}' | sort -u`
    Then the output matches:
      """
      kind-worker
      kind-worker2
      """
