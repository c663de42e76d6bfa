# Seed: shared/seeds/001_511da3bc7decc1d7.txt ("Kubernetes in Action" chapter 5 notes).
# The book's cluster was GKE of 2017 (kubectl 1.x without TYPE column, `<nodes>` for NodePorts,
# numeric pod-name suffixes, extensions/v1beta1 Ingress). These scenarios keep its commands and
# manifests and match what a kind cluster with kubectl 1.31 prints; `kubectl run --generator`
# is gone from kubectl, and the Ingress of the book is only served by Kubernetes 1.21 and older.
Feature: Services for kubia: creating, describing and their endpoints

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
  Scenario: kubectl expose of the ReplicationController as a LoadBalancer stays pending without a provider
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl expose rc kubia --type=LoadBalancer --name kubia-http`
    Then the output matches:
      """
      service/kubia-http exposed
      """
    When I run `kubectl get services`
    Then the output matches:
      """
      NAME         TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)          AGE
      kubernetes   ClusterIP      <ip>         <none>        443/TCP          <age>
      kubia-http   LoadBalancer   <ip>         <pending>     8080:<port>/TCP   <age>
      """

  @loadbalancer @cluster-profile
  Scenario: With a load balancer provider the EXTERNAL-IP arrives
    Given a load balancer provider with addresses "172.18.255.200-172.18.255.250"
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl expose rc kubia --type=LoadBalancer --name kubia-http`
    And I wait until `kubectl get svc` outputs "172.18.255.200"
    Then the output matches:
      """
      NAME         TYPE           CLUSTER-IP   EXTERNAL-IP      PORT(S)          AGE
      kubernetes   ClusterIP      <ip>         <none>           443/TCP          <age>
      kubia-http   LoadBalancer   <ip>         172.18.255.200   8080:<port>/TCP   <age>
      """

  @conformance
  Scenario: A Service from YAML, its description and its Endpoints
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl create -f kubia-svc.yaml`
    Then the output contains "service/kubia created"
    When I wait until `kubectl get endpoints kubia` outputs ":8080,"
    And I run `kubectl get svc`
    Then the output matches:
      """
      NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
      kubernetes   ClusterIP   <ip>         <none>        443/TCP   <age>
      kubia        ClusterIP   <ip>         <none>        80/TCP    <age>
      """
    When I wait until `kubectl get pods` outputs "Running"
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I run `kubectl describe svc kubia`
    Then the output matches:
      """
      Name:                     kubia
      Namespace:                ${NAMESPACE}
      Labels:                   <none>
      Annotations:              <none>
      Selector:                 app=kubia
      Type:                     ClusterIP
      IP Family Policy:         SingleStack
      IP Families:              IPv4
      IP:                       <ip>
      IPs:                      <ip>
      Port:                     <unset>  80/TCP
      TargetPort:               8080/TCP
      Endpoints:                <ip:port>,<ip:port>,<ip:port>
      Session Affinity:         None
      Internal Traffic Policy:  Cluster
      Events:                   <none>
      """
    When I run `kubectl get endpoints kubia`
    Then the output matches:
      """
      NAME    ENDPOINTS                                         AGE
      kubia   <ip:port>,<ip:port>,<ip:port>   <age>
      """

  @conformance
  Scenario: A Service with several ports must name them
    Given a file "kubia-svc-two-ports.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: kubia
      spec:
        ports:
        - port: 80
          targetPort: 8080
        - port: 443
          targetPort: 8443
        selector:
          app: kubia
      """
    When I run `kubectl create -f kubia-svc-two-ports.yaml`
    Then the command fails with "The Service \"kubia\" is invalid"
    And the error output contains "spec.ports[0].name: Required value"
    And the error output contains "spec.ports[1].name: Required value"

  @conformance
  Scenario: Named target ports resolve per pod
    Given a file "kubia-named.yaml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: kubia-named
        labels:
          app: kubia-named
      spec:
        containers:
        - name: kubia
          image: luksa/kubia
          ports:
          - name: http
            containerPort: 8080
          - name: https
            containerPort: 8443
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: kubia-named
      spec:
        ports:
        - name: http
          port: 80
          targetPort: http
        - name: https
          port: 443
          targetPort: https
        selector:
          app: kubia-named
      """
    When I run `kubectl apply -f kubia-named.yaml`
    And I run `kubectl wait --for=condition=Ready pod/kubia-named --timeout=120s`
    And I run `kubectl get endpoints kubia-named`
    Then the output matches:
      """
      NAME          ENDPOINTS                   AGE
      kubia-named   <ip>:8443,<ip>:8080   <age>
      """

  @conformance
  Scenario: A Service without a selector gets the Endpoints written by hand
    Given a file "external-service.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: external-service
      spec:
        ports:
        - port: 80
      """
    And a file "external-service-endpoints.yaml":
      """
      apiVersion: v1
      kind: Endpoints
      metadata:
        name: external-service
      subsets:
        - addresses:
          - ip: 11.11.11.11
          - ip: 22.22.22.22
          ports:
          - port: 80
      """
    When I run `kubectl create -f external-service.yaml`
    And I run `kubectl get endpoints external-service`
    Then the command fails with "Error from server (NotFound): endpoints \"external-service\" not found"
    When I run `kubectl create -f external-service-endpoints.yaml`
    And I run `kubectl get endpoints external-service`
    Then the output matches:
      """
      NAME               ENDPOINTS                       AGE
      external-service   11.11.11.11:80,22.22.22.22:80   <age>
      """

  @conformance
  Scenario: An ExternalName Service is an alias with no ClusterIP
    Given a file "external-service-externalname.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: external-service
      spec:
        type: ExternalName
        externalName: api.somecompany.com
        ports:
        - port: 80
      """
    When I run `kubectl create -f external-service-externalname.yaml`
    And I run `kubectl get svc external-service`
    Then the output matches:
      """
      NAME               TYPE           CLUSTER-IP   EXTERNAL-IP           PORT(S)   AGE
      external-service   ExternalName   <none>       api.somecompany.com   80/TCP    <age>
      """

  @conformance
  Scenario: A NodePort Service with a chosen node port
    Given a file "kubia-svc-nodeport.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: kubia-nodeport
      spec:
        type: NodePort
        ports:
        - port: 80
          targetPort: 8080
          nodePort: 30123
        selector:
          app: kubia
      """
    When I run `kubectl create -f kubia-svc-nodeport.yaml`
    And I run `kubectl get svc kubia-nodeport`
    # Newer kubectl prints <none> where the book's showed <nodes>.
    Then the output matches:
      """
      NAME             TYPE       CLUSTER-IP   EXTERNAL-IP   PORT(S)        AGE
      kubia-nodeport   NodePort   <ip>         <none>        80:30123/TCP   <age>
      """
    When I run `kubectl create service nodeport other --tcp=80:8080 --node-port=30123`
    Then the command fails with "provided port is already allocated"

  @conformance
  Scenario: A headless Service has no ClusterIP
    Given a file "kubia-svc-headless.yaml":
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
    When I run `kubectl create -f kubia-svc-headless.yaml`
    And I run `kubectl get svc kubia-headless`
    Then the output matches:
      """
      NAME             TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
      kubia-headless   ClusterIP   None         <none>        80/TCP    <age>
      """

  @conformance
  Scenario: kubectl run without the removed --generator flag
    When I run `kubectl run dnsutils --image=tutum/dnsutils --generator=run-pod/v1 --command -- sleep infinity`
    Then the command fails with "unknown flag: --generator"
    When I run `kubectl run dnsutils --image=tutum/dnsutils --command -- sleep infinity`
    Then the output matches:
      """
      pod/dnsutils created
      """
