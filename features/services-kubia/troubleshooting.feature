# Seed: shared/seeds/001_511da3bc7decc1d7.txt ("Kubernetes in Action" ch. 5), 5.7 "排除服务故障":
# each point of the book's checklist as a symptom and its cure. The kubia pods of the book
# come from its ReplicationController; the broken variants (a wrong selector, a readiness
# probe that fails, an app bound to localhost) are made for the checklist, since the book only
# names them. The app bound to localhost is nginx with `listen 127.0.0.1:80`, as kubia's
# app.js cannot be told where to bind. curl exit codes are curl's own: 6 could not resolve
# host, 7 connection refused, 28 timed out.
Feature: Troubleshooting the kubia Service, point by point

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
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And 2 seconds pass
    And I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}'` as "POD"

  @conformance @outside-client @node-shell
  Scenario: The ClusterIP is reached from inside the cluster, not from outside
    When I run `kubectl create -f kubia-svc.yaml`
    And I remember `kubectl get svc kubia -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `curl -s -m 2 http://${CLUSTER_IP}` from outside the cluster
    Then the exit code is 28
    When I run `kubectl exec ${POD} -- curl -s http://${CLUSTER_IP}`
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    When I run `curl -s http://${CLUSTER_IP}` on node "kind-worker"
    Then the output matches:
      """
      You've hit kubia-<hash>
      """

  @conformance
  Scenario: The ClusterIP does not answer ping; test it with its port instead
    When I run `kubectl create -f kubia-svc.yaml`
    And I run `kubectl run busybox --image=busybox --command -- sleep 3600`
    And I run `kubectl wait --for=condition=Ready pod/busybox --timeout=120s`
    And I remember `kubectl get svc kubia -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `ping -c 1 -W 1 ${CLUSTER_IP}` in pod "busybox"
    Then the command fails
    And the output contains "1 packets transmitted, 0 packets received, 100% packet loss"
    When I run `kubectl exec ${POD} -- curl -s http://${CLUSTER_IP}:80`
    Then the output matches:
      """
      You've hit kubia-<hash>
      """

  @conformance
  Scenario: A pod whose readiness probe fails is no endpoint until the probe succeeds
    Given a file "kubia-probed.yaml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: kubia-probed
        labels:
          app: kubia-probed
      spec:
        containers:
        - name: kubia
          image: luksa/kubia
          ports:
          - containerPort: 8080
          readinessProbe:
            exec:
              command:
              - ls
              - /var/ready
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: kubia-probed
      spec:
        ports:
        - port: 80
          targetPort: 8080
        selector:
          app: kubia-probed
      """
    When I run `kubectl create -f kubia-probed.yaml`
    And I wait until `kubectl get pod kubia-probed` outputs "Running"
    And 30 seconds pass
    And I run `kubectl get pod kubia-probed`
    Then the output matches:
      """
      NAME           READY   STATUS    RESTARTS   AGE
      kubia-probed   0/1     Running   0          <age>
      """
    When I run `kubectl exec ${POD} -- curl -sS -m 2 http://kubia-probed`
    Then the exit code is 7
    And the error output contains "Connection refused"
    When I run `kubectl exec kubia-probed -- touch /var/ready`
    And I wait until `kubectl get pod kubia-probed` outputs "1/1"
    And I run `kubectl exec ${POD} -- curl -s http://kubia-probed`
    Then the output matches:
      """
      You've hit kubia-probed
      """

  @conformance
  Scenario: kubectl get endpoints shows whether the pods are part of the Service
    Given a file "kubia-svc-wrong-selector.yaml":
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
          app: kubia-v1
      """
    When I run `kubectl create -f kubia-svc-wrong-selector.yaml`
    And I run `kubectl get endpoints kubia`
    Then the output matches:
      """
      NAME    ENDPOINTS   AGE
      kubia   <none>      <age>
      """
    When I run `kubectl exec ${POD} -- curl -sS -m 2 http://kubia`
    Then the exit code is 7
    When I run `kubectl patch svc kubia -p '{"spec":{"selector":{"app":"kubia"}}}'`
    Then the output contains "service/kubia patched"
    And I wait until `kubectl get endpoints kubia` outputs ":8080"
    Then the output matches:
      """
      NAME    ENDPOINTS                           AGE
      kubia   <ip:port>,<ip:port>,<ip:port>   <age>
      """
    When I run `kubectl exec ${POD} -- curl -s http://kubia`
    Then the output matches:
      """
      You've hit kubia-<hash>
      """

  @conformance
  Scenario: When the FQDN does not work, the ClusterIP tells DNS from the Service
    When I run `kubectl create -f kubia-svc.yaml`
    And I remember `kubectl get svc kubia -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    # The Service lives in default, not in kube-system: the name does not exist.
    And I run `kubectl exec ${POD} -- curl -sS -m 2 http://kubia.kube-system.svc.cluster.local`
    Then the exit code is 6
    And the error output contains "Could not resolve host: kubia.kube-system.svc.cluster.local"
    When I run `kubectl exec ${POD} -- curl -s http://${CLUSTER_IP}`
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    When I run `kubectl exec ${POD} -- curl -s http://kubia.${NAMESPACE}.svc.cluster.local`
    Then the output matches:
      """
      You've hit kubia-<hash>
      """

  @conformance
  Scenario: The Service answers on its port, not on the target port
    When I run `kubectl create -f kubia-svc.yaml`
    And I remember `kubectl get svc kubia -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `kubectl exec ${POD} -- curl -s -m 2 http://${CLUSTER_IP}:8080`
    Then the exit code is 28
    When I run `kubectl exec ${POD} -- curl -s http://${CLUSTER_IP}:80`
    Then the output matches:
      """
      You've hit kubia-<hash>
      """

  @conformance
  Scenario: Connecting to the pod IP directly bypasses the Service
    Given a file "kubia-svc-wrong-port.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: kubia
      spec:
        ports:
        - port: 80
          targetPort: 9090
        selector:
          app: kubia
      """
    When I run `kubectl create -f kubia-svc-wrong-port.yaml`
    And I run `kubectl exec ${POD} -- curl -sS -m 2 http://kubia`
    Then the exit code is 7
    When I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[1].status.podIP}'` as "OTHER_POD_IP"
    And I run `kubectl exec ${POD} -- curl -s http://${OTHER_POD_IP}:8080`
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    When I run `kubectl patch svc kubia -p '{"spec":{"ports":[{"port":80,"targetPort":8080}]}}'`
    And I wait until `kubectl get endpoints kubia` outputs ":8080"
    And I run `kubectl exec ${POD} -- curl -s http://kubia`
    Then the output matches:
      """
      You've hit kubia-<hash>
      """

  @conformance
  Scenario: An app bound to localhost answers inside its pod but not on the pod IP
    Given a file "localhost.conf":
      """
      server {
          listen 127.0.0.1:80;
          location / {
              return 200 "bound to localhost\n";
          }
      }
      """
    And a file "all-addresses.conf":
      """
      server {
          listen 80;
          location / {
              return 200 "bound to every address\n";
          }
      }
      """
    And a file "web.yaml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: nginx
          image: nginx
          ports:
          - containerPort: 80
          volumeMounts:
          - name: conf
            mountPath: /etc/nginx/conf.d
        volumes:
        - name: conf
          configMap:
            name: web-conf
      """
    When I run `kubectl create configmap web-conf --from-file=default.conf=localhost.conf`
    And I run `kubectl create -f web.yaml`
    And I run `kubectl wait --for=condition=Ready pod/web --timeout=120s`
    And 2 seconds pass
    And I remember `kubectl get pod web -o jsonpath='{.status.podIP}'` as "WEB_IP"
    And I run `kubectl exec ${POD} -- curl -sS -m 2 http://${WEB_IP}`
    Then the exit code is 7
    And the error output contains "Connection refused"
    When I run `kubectl exec web -- curl -s http://localhost`
    Then the output matches:
      """
      bound to localhost
      """
    When I run `kubectl delete pod web`
    And I run `kubectl create configmap web-conf --from-file=default.conf=all-addresses.conf --dry-run=client -o yaml | kubectl apply -f -`
    And I run `kubectl create -f web.yaml`
    And I run `kubectl wait --for=condition=Ready pod/web --timeout=120s`
    And 2 seconds pass
    And I remember `kubectl get pod web -o jsonpath='{.status.podIP}'` as "WEB_IP"
    And I run `kubectl exec ${POD} -- curl -s http://${WEB_IP}`
    Then the output matches:
      """
      bound to every address
      """
