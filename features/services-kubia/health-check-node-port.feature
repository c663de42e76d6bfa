# Seed: shared/seeds/001_511da3bc7decc1d7.txt, 5.3.3 "了解外部连接的特性" (externalTrafficPolicy: Local).
# With Local, a cloud load balancer must know which nodes have a pod of the service: kube-proxy
# answers on the Service's healthCheckNodePort, 200 with the count of local endpoints on such
# nodes and 503 elsewhere (pkg/proxy/healthcheck/service_health.go).
@loadbalancer @cluster-profile @outside-client
Feature: With externalTrafficPolicy Local, kube-proxy tells the load balancer which nodes to use

  Scenario: The health check node port answers 200 on a node with a pod and 503 on one without
    Given a load balancer provider with addresses "172.18.255.200-172.18.255.250"
    When I run `kubectl create deployment kubia --image=luksa/kubia`
    And I run `kubectl expose deployment kubia --port=80 --target-port=8080 --type=LoadBalancer`
    And I run `kubectl patch svc kubia -p '{"spec":{"externalTrafficPolicy":"Local"}}'`
    And I run `kubectl rollout status deployment/kubia --timeout=120s`
    And I remember `kubectl get svc kubia -o jsonpath='{.spec.healthCheckNodePort}'` as "HC_PORT"
    And I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[0].spec.nodeName}'` as "POD_NODE"
    And I remember `kubectl get node ${POD_NODE} -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'` as "POD_NODE_IP"
    And I run `curl -s http://${POD_NODE_IP}:${HC_PORT}/` from outside the cluster
    Then the output contains "\"localEndpoints\": 1"
    When I run `curl -s -o /dev/null -w '%{http_code}' http://172.18.0.2:${HC_PORT}/` from outside the cluster
    Then the output matches:
      """
      503
      """
