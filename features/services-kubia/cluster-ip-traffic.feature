# Seed: shared/seeds/001_511da3bc7decc1d7.txt ("Kubernetes in Action" ch. 5), 5.1.1 and 5.1.2:
# requests to the ClusterIP from inside a pod, session affinity, discovery by environment
# variables and by DNS, and the ClusterIP that does not answer ping. The book's pod names
# (kubia-7n0gl, kubia-3inly ...) and IPs come from its cluster: the scenarios pick a pod of the
# ReplicationController and remember the ClusterIP. `kubectl exec -it POD bash` is interactive:
# the commands typed at its prompt run with `kubectl exec POD -- ...` instead. kubia answers
# "You've hit <hostname>" (the book's Chinese notes print "You're hit" and a typographic quote).
# "Many requests reach different pods" is counted as distinct answers of 30 requests.
Feature: Reaching the kubia Service from inside the cluster

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

  @conformance
  Scenario: curl from a pod to the ClusterIP is answered by a kubia pod
    When I run `kubectl create -f kubia-svc.yaml`
    And I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I run `kubectl get pod`
    Then the output matches:
      """
      NAME          READY   STATUS    RESTARTS   AGE
      kubia-<hash>   1/1     Running   0          <age>
      kubia-<hash>   1/1     Running   0          <age>
      kubia-<hash>   1/1     Running   0          <age>
      """
    When I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}'` as "POD"
    And I remember `kubectl get svc kubia -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `kubectl exec ${POD} -- curl -s http://${CLUSTER_IP}`
    Then the output matches:
      """
      You've hit kubia-<hash>
      """

  @conformance
  Scenario: Requests spread over the pods; with sessionAffinity ClientIP they all reach one pod
    Given a file "kubia-svc-client-ip-session-affinity.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: kubia
      spec:
        sessionAffinity: ClientIP
        ports:
        - port: 80
          targetPort: 8080
        selector:
          app: kubia
      """
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl create -f kubia-svc.yaml`
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}'` as "POD"
    And I remember `kubectl get svc kubia -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `for i in $(seq 1 30); do kubectl exec ${POD} -- curl -s http://${CLUSTER_IP}; done | sort -u | wc -l`
    Then the output matches:
      """
      3
      """
    When I run `kubectl delete svc kubia`
    And I run `kubectl create -f kubia-svc-client-ip-session-affinity.yaml`
    And I run `kubectl get svc kubia -o jsonpath='{.spec.sessionAffinity} {.spec.sessionAffinityConfig.clientIP.timeoutSeconds}'`
    Then the output matches:
      """
      ClientIP 10800
      """
    When I remember `kubectl get svc kubia -o jsonpath='{.spec.clusterIP}'` as "AFFINITY_IP"
    And I run `for i in $(seq 1 30); do kubectl exec ${POD} -- curl -s http://${AFFINITY_IP}; done | sort -u | wc -l`
    Then the output matches:
      """
      1
      """

  @conformance
  Scenario: Pods started after the Service find it in their environment
    When I run `kubectl create -f kubia-svc.yaml`
    And I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}'` as "POD"
    And I remember `kubectl get svc kubia -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I remember `kubectl get svc kubernetes -n default -o jsonpath='{.spec.clusterIP}'` as "KUBERNETES_IP"
    # The book's `kubectl exec kubia-3inly env` (no `--`) is refused since kubectl 1.31.
    And I run `kubectl exec ${POD} env`
    Then the command fails with "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead"
    When I run `kubectl exec ${POD} -- env`
    Then the output matches:
      """
      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
      HOSTNAME=${POD}
      <...>
      """
    And the output contains "KUBERNETES_SERVICE_HOST=${KUBERNETES_IP}"
    And the output contains "KUBERNETES_SERVICE_PORT=443"
    And the output contains "KUBIA_SERVICE_HOST=${CLUSTER_IP}"
    And the output contains "KUBIA_SERVICE_PORT=80"

  @conformance
  Scenario: A Service created after the pods is not in their environment until they are recreated
    Given a file "backend-database.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: backend-database
      spec:
        ports:
        - port: 5432
        selector:
          app: backend-database
      """
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I run `kubectl create -f backend-database.yaml`
    And I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}'` as "POD"
    And I run `kubectl exec ${POD} -- env`
    Then the output does not contain "BACKEND_DATABASE_SERVICE_HOST"
    When I run `kubectl delete pod ${POD}`
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I remember `kubectl get pods -l app=kubia --sort-by=.metadata.creationTimestamp -o jsonpath='{.items[-1:].metadata.name}'` as "NEW_POD"
    And I remember `kubectl get svc backend-database -o jsonpath='{.spec.clusterIP}'` as "DB_IP"
    And I run `kubectl exec ${NEW_POD} -- env`
    Then the output contains "BACKEND_DATABASE_SERVICE_HOST=${DB_IP}"
    And the output contains "BACKEND_DATABASE_SERVICE_PORT=5432"

  @conformance
  Scenario: The Service answers by its FQDN, by name.namespace and by its bare name
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl create -f kubia-svc.yaml`
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}'` as "POD"
    And I run `kubectl exec ${POD} -- curl -s http://kubia.${NAMESPACE}.svc.cluster.local`
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    When I run `kubectl exec ${POD} -- curl -s http://kubia.${NAMESPACE}`
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    When I run `kubectl exec ${POD} -- curl -s http://kubia`
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    When I run `kubectl exec ${POD} -- cat /etc/resolv.conf`
    Then the output matches:
      """
      search ${NAMESPACE}.svc.cluster.local svc.cluster.local cluster.local
      nameserver <ip>
      options ndots:5
      """

  @conformance
  Scenario: A ClusterIP answers on its port but not to ping
    # The kubia image of this engine has no ping, so a busybox pod pings; the book shows
    # 100% packet loss for `ping kubia` from a kubia pod.
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl create -f kubia-svc.yaml`
    And I run `kubectl run busybox --image=busybox --command -- sleep 3600`
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I run `kubectl wait --for=condition=Ready pod/busybox --timeout=120s`
    And I remember `kubectl get svc kubia -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `ping -c 3 -W 1 kubia` in pod "busybox"
    Then the command fails
    And the output matches:
      """
      PING kubia (${CLUSTER_IP}): 56 data bytes

      --- kubia ping statistics ---
      3 packets transmitted, 0 packets received, 100% packet loss
      """
    When I run `wget -q -O - http://kubia` in pod "busybox"
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
