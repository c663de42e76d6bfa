# Seed: shared/seeds/000_b5a4487dfbc02210.txt ("Connecting Applications with Services", kubernetes.io),
# section "DNS": `nslookup my-nginx` from a curl pod. The seed's
# `kubectl run curl --image=radial/busyboxplus:curl -i --tty --rm` needs a terminal to type into,
# which a scenario has not (kubectl then says "Unable to use a TTY" and the shell reads an empty
# input and ends). The first scenario types the seed's `nslookup my-nginx` into the same pod
# through standard input instead (`-i` without `--tty`; `--restart=Never` so the pod ends with
# the shell and --rm deletes it); the second runs it with `kubectl exec` in a curl pod that stays
# up. The seed's cluster has the service range 10.0.0.0/16 (kube-dns at 10.0.0.10), asked for
# here. Its excerpt of the old busybox nslookup leaves out the name printed after each
# address; the full lines are matched.
@conformance @cluster-profile
Feature: Connecting applications with services: the DNS name of the Service

  Background:
    Given a cluster whose service range is "10.0.0.0/16"
    And a file "run-my-nginx.yaml":
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

  Scenario: A curl pod finds my-nginx by its DNS name through kube-dns
    When I run `kubectl apply -f ./run-my-nginx.yaml`
    And I run `kubectl rollout status deployment/my-nginx --timeout=120s`
    And I run `kubectl expose deployment/my-nginx`
    And I remember `kubectl get svc my-nginx -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `echo 'nslookup my-nginx' | kubectl run curl --image=radial/busyboxplus:curl -i --rm --restart=Never`
    Then the command succeeds
    And the output matches:
      """
      Server:    10.0.0.10
      Address 1: 10.0.0.10 kube-dns.kube-system.svc.cluster.local

      Name:      my-nginx
      Address 1: ${CLUSTER_IP} my-nginx.${NAMESPACE}.svc.cluster.local
      pod "curl" deleted
      """
    And the error output contains "If you don't see a command prompt, try pressing enter."

  Scenario: From a curl pod that stays up, the name my-nginx resolves and answers
    When I run `kubectl apply -f ./run-my-nginx.yaml`
    And I run `kubectl rollout status deployment/my-nginx --timeout=120s`
    And I run `kubectl expose deployment/my-nginx`
    And I remember `kubectl get svc my-nginx -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `kubectl run curl --image=radial/busyboxplus:curl -- sleep 3600`
    Then the output contains "pod/curl created"
    When I run `kubectl wait --for=condition=Ready pod/curl --timeout=120s`
    And I run `nslookup my-nginx` in pod "curl"
    Then the output matches:
      """
      Server:    10.0.0.10
      Address 1: 10.0.0.10 kube-dns.kube-system.svc.cluster.local

      Name:      my-nginx
      Address 1: ${CLUSTER_IP} my-nginx.${NAMESPACE}.svc.cluster.local
      """
    When I run `cat /etc/resolv.conf` in pod "curl"
    Then the output matches:
      """
      search ${NAMESPACE}.svc.cluster.local svc.cluster.local cluster.local
      nameserver 10.0.0.10
      options ndots:5
      """
    When I run `curl -s my-nginx` in pod "curl"
    Then the output contains "<title>Welcome to nginx!</title>"
