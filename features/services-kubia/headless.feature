# Seed: shared/seeds/001_511da3bc7decc1d7.txt ("Kubernetes in Action" ch. 5), 5.6: a headless
# Service lets DNS return the pod IPs. kubia has no nslookup, so the book runs tutum/dnsutils;
# `kubectl run --generator=run-pod/v1` is gone from kubectl (control-plane.feature shows the
# refusal), so the pod is created without it, and `kubectl exec POD CMD` is written with `--`.
# The book's "..." before the answers stands for the Server/Address lines, matched here with <ip>.
Feature: Discovering the kubia pods through a headless Service

  Background:
    Given a file "kubia-rc.yaml":
      """
      apiVersion: v1
      kind: ReplicationController
      metadata:
        name: kubia
      spec:
        replicas: 2
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
    And a file "kubia-svc.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: kubia
      spec:
        ports:
        - port: 80
          targetPort: 8080
        selector:
          app: kubia
      """
    And a file "kubia-svc-headless.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: kubia-headless
      spec:
        clusterIP: None
        ports:
        - port: 80
          targetPort: 8080
        selector:
          app: kubia
      """

  @conformance
  Scenario: The kubia image has no nslookup
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}'` as "POD"
    And I run `kubectl exec ${POD} -- nslookup kubia`
    Then the command fails
    And the error output contains "exec: \"nslookup\": executable file not found in $PATH"
    When I run `kubectl exec ${POD} -- dig kubia`
    Then the command fails
    And the error output contains "exec: \"dig\": executable file not found in $PATH"

  @conformance
  Scenario: nslookup of the headless Service gives the pod IPs, of the regular one its ClusterIP
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl create -f kubia-svc.yaml`
    And I run `kubectl create -f kubia-svc-headless.yaml`
    And I run `kubectl run dnsutils --image=tutum/dnsutils --command -- sleep infinity`
    Then the output matches:
      """
      pod/dnsutils created
      """
    When I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I run `kubectl wait --for=condition=Ready pod/dnsutils --timeout=120s`
    And I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[0].status.podIP}'` as "POD_IP_A"
    And I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[1].status.podIP}'` as "POD_IP_B"
    And I remember `kubectl get svc kubia -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `kubectl exec dnsutils -- nslookup kubia-headless`
    Then the output matches:
      """
      Server:		<ip>
      Address:	<ip>#53

      Name:	kubia-headless.${NAMESPACE}.svc.cluster.local
      Address: <ip>
      Name:	kubia-headless.${NAMESPACE}.svc.cluster.local
      Address: <ip>

      """
    And the output contains "Address: ${POD_IP_A}"
    And the output contains "Address: ${POD_IP_B}"
    When I run `kubectl exec dnsutils -- nslookup kubia`
    Then the output matches:
      """
      Server:		<ip>
      Address:	<ip>#53

      Name:	kubia.${NAMESPACE}.svc.cluster.local
      Address: ${CLUSTER_IP}

      """

  @conformance
  Scenario: Through the headless name a client connects to a pod directly
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl create -f kubia-svc-headless.yaml`
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And 2 seconds pass
    And I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}'` as "POD"
    # No Service port here: the name gives pod IPs, so the client uses the pods' own port 8080.
    And I run `kubectl exec ${POD} -- curl -s http://kubia-headless:8080`
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    When I run `kubectl exec ${POD} -- curl -s -m 2 http://kubia-headless:80`
    Then the command fails

  @conformance
  Scenario: The headless name balances by DNS: the order of the pod addresses changes between answers
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl create -f kubia-svc-headless.yaml`
    And I run `kubectl run dnsutils --image=tutum/dnsutils --command -- sleep infinity`
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I run `kubectl wait --for=condition=Ready pod/dnsutils --timeout=120s`
    And I run `for i in $(seq 1 20); do kubectl exec dnsutils -- dig +short kubia-headless.${NAMESPACE}.svc.cluster.local | head -1; done | sort -u | wc -l`
    Then the output matches:
      """
      2
      """
