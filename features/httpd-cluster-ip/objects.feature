# Seed: shared/seeds/004_56c8b0acdd8cfc9d.txt (CSDN post: httpd behind httpd-svc).
# The post's ClusterIP (10.97.198.28) and NodePort (31276) were random; the scenarios
# keep its manifests and commands and match the addresses with placeholders.
Feature: The httpd Service: ClusterIP, endpoints and NodePort

  Background:
    Given a file "httpd.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: httpd
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: httpd
        template:
          metadata:
            labels:
              app: httpd
          spec:
            containers:
            - name: httpd
              image: httpd
              ports:
              - containerPort: 80
      """
    And a file "httpd-svc.yml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: httpd-svc
      spec:
        selector:
          app: httpd
        ports:
        - protocol: TCP
          port: 8080
          targetPort: 80
      """

  @conformance
  Scenario: httpd-svc gets a ClusterIP and the two pods as endpoints
    When I run `kubectl apply -f httpd.yml`
    And I run `kubectl rollout status deployment/httpd --timeout=120s`
    And I run `kubectl get pod -o wide`
    Then the output matches:
      """
      NAME                     READY   STATUS    RESTARTS   AGE   IP     NODE    NOMINATED NODE   READINESS GATES
      httpd-<hash>-<hash>   1/1     Running   0          <age>   <ip>   <any>
      httpd-<hash>-<hash>   1/1     Running   0          <age>   <ip>   <any>
      """
    When I run `kubectl apply -f httpd-svc.yml`
    Then the output contains "service/httpd-svc created"
    When I run `kubectl get svc httpd-svc`
    Then the output matches:
      """
      NAME        TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)    AGE
      httpd-svc   ClusterIP   <ip>         <none>        8080/TCP   <age>
      """
    When I run `kubectl describe svc httpd-svc`
    Then the output matches:
      """
      <...>
      Selector:                 app=httpd
      Type:                     ClusterIP
      <...>
      Port:                     <unset>  8080/TCP
      TargetPort:               80/TCP
      Endpoints:                <ip>:80,<ip>:80
      <...>
      """

  @conformance
  Scenario: As a NodePort Service it keeps its ClusterIP and gains a node port
    Given a file "httpd-svc-nodeport.yml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: httpd-svc
      spec:
        type: NodePort
        selector:
          app: httpd
        ports:
        - protocol: TCP
          port: 8080
          targetPort: 80
      """
    When I run `kubectl apply -f httpd.yml`
    And I run `kubectl apply -f httpd-svc.yml`
    And I remember `kubectl get svc httpd-svc -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `kubectl apply -f httpd-svc-nodeport.yml`
    Then the output contains "service/httpd-svc configured"
    When I run `kubectl get svc httpd-svc`
    Then the output matches:
      """
      NAME        TYPE       CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE
      httpd-svc   NodePort   ${CLUSTER_IP}   <none>        8080:<port>/TCP   <age>
      """
