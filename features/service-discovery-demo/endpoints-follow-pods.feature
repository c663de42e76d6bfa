# Seed: shared/seeds/002_1a5e9363bdc4512e.txt (Alibaba Cloud course, "三、操作演示").
# The demo ran on Alibaba Cloud ACK with pod IPs in 10.0.0.0/24 and a cloud load balancer
# (39.98.21.187); here a kind cluster with a load balancer provider stands in for it.
# Its service.yaml is not printed in the seed: the scenario writes the one it describes
# (a Deployment of two nginx pods labelled run=nginx, and a Service selecting them).
Feature: Service discovery survives the pods' life cycle

  Background:
    Given a file "service.yaml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx
      spec:
        replicas: 2
        selector:
          matchLabels:
            run: nginx
        template:
          metadata:
            labels:
              run: nginx
          spec:
            containers:
            - name: nginx
              image: nginx
              ports:
              - containerPort: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: nginx
      spec:
        selector:
          run: nginx
        ports:
        - protocol: TCP
          port: 80
          targetPort: 80
      """

  @conformance
  Scenario: Deleting a pod changes the endpoints, never the ClusterIP
    When I run `kubectl create -f service.yaml`
    Then the output contains "deployment.apps/nginx created"
    And the output contains "service/nginx created"
    When I run `kubectl rollout status deployment/nginx --timeout=120s`
    And I run `kubectl get pod -o wide -l run=nginx`
    Then the output matches:
      """
      NAME                     READY   STATUS    RESTARTS   AGE   IP     NODE    NOMINATED NODE   READINESS GATES
      nginx-<hash>-<hash>   1/1     Running   0          <age>   <ip>   <any>
      nginx-<hash>-<hash>   1/1     Running   0          <age>   <ip>   <any>
      """
    When I remember `kubectl get svc nginx -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I remember `kubectl get pods -l run=nginx -o jsonpath='{.items[0].metadata.name}'` as "VICTIM"
    And I remember `kubectl get pod ${VICTIM} -o jsonpath='{.status.podIP}'` as "OLD_IP"
    And I run `kubectl get endpoints nginx`
    Then the output contains "${OLD_IP}:80"
    When I run `kubectl delete pod ${VICTIM}`
    Then the output contains "pod \"${VICTIM}\" deleted"
    When I run `kubectl rollout status deployment/nginx --timeout=120s`
    And I wait until `kubectl get pods -l run=nginx` outputs "Running"
    And I wait until `kubectl get endpoints nginx` outputs ","
    And I run `kubectl get endpoints nginx`
    Then the output does not contain "${OLD_IP}:80"
    When I run `kubectl describe svc nginx`
    Then the output contains "IP:                       ${CLUSTER_IP}"
    And the output matches:
      """
      <...>
      Endpoints:                <ip:port>,<ip:port>
      <...>
      """

  @loadbalancer @cluster-profile
  Scenario: The LoadBalancer address stays while the pods behind it change
    Given a load balancer provider with addresses "172.18.255.200-172.18.255.250"
    When I run `kubectl create -f service.yaml`
    And I run `kubectl patch svc nginx -p '{"spec":{"type":"LoadBalancer"}}'`
    And I wait until `kubectl get svc -o wide` outputs "172.18.255."
    Then the output matches:
      """
      NAME         TYPE           CLUSTER-IP   EXTERNAL-IP      PORT(S)        AGE   SELECTOR
      kubernetes   ClusterIP      <ip>         <none>           443/TCP        <age>   <none>
      nginx        LoadBalancer   <ip>         <ip>             80:<port>/TCP   <age>   run=nginx
      """
    When I remember `kubectl get svc nginx -o jsonpath='{.status.loadBalancer.ingress[0].ip}'` as "LB_IP"
    And I run `kubectl delete pod -l run=nginx`
    And I wait until `kubectl get endpoints nginx` outputs ","
    And I run `kubectl describe svc nginx`
    Then the output contains "LoadBalancer Ingress:     ${LB_IP}"
