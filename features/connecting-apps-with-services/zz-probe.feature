Feature: probe
  Scenario: probe
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
    When I run `kubectl apply -f ./run-my-nginx.yaml`
    And I run `kubectl rollout status deployment/my-nginx --timeout=120s`
    And I run `kubectl get pods -l run=my-nginx -o wide`
    And I remember `kubectl get pods -l run=my-nginx -o jsonpath='{.items[0].status.podIP}'` as "IP1"
    And I run `curl -s http://${IP1}` on node "kind-worker"
    And I run `iptables-save -t nat | grep -c ${IP1}; echo rc=$?` on node "kind-worker"
    And I run `kubectl expose deployment/my-nginx`
    And I remember `kubectl get svc my-nginx -o jsonpath='{.spec.clusterIP}'` as "CIP"
    And I run `curl -s ${CIP}:80 | head -5` on node "kind-worker2"
    And I run `iptables-save -t nat | grep my-nginx` on node "kind-worker"
    And I run `kubectl run curl --image=radial/busyboxplus:curl -i --tty --rm`
    And I run `echo nslookup my-nginx | kubectl run curl --image=radial/busyboxplus:curl -i --rm --restart=Never`
    And I run `kubectl run curl --image=radial/busyboxplus:curl -- sleep 3600`
    And I run `kubectl wait --for=condition=Ready pod/curl`
    And I run `kubectl exec curl -- nslookup my-nginx`
    And I run `kubectl exec curl -- curl -s my-nginx`
    And I run `curl -s ${CIP}` from outside the cluster
    And I run `echo $(echo hi | base64 -w0) hi`
    Then the output contains "zzzz"
