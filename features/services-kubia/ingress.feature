# Seed: shared/seeds/001_511da3bc7decc1d7.txt ("Kubernetes in Action" ch. 5), 5.4: Ingress.
# The book ran minikube's ingress addon (address 192.168.99.100) and wrote extensions/v1beta1
# Ingresses with serviceName/servicePort. Here ingress-nginx runs as kind's ingress guide
# installs it (the control-plane node's ports 80 and 443 mapped to localhost, so ADDRESS shows
# localhost). The book's manifest runs on a Kubernetes 1.19 cluster; on 1.31 the same routes are
# written in networking.k8s.io/v1 (pathType, service.name, service.port.number). Instead of
# editing /etc/hosts, curl is pointed at the ingress address with --resolve. The book's
# multi-path and multi-host snippets lose their indentation in the notes; they are written out
# whole. Its "bar" and "foo" services are not defined in the book: they are kubia pods too, so
# the answering pod's name shows which service a route reached.
Feature: Exposing kubia through an Ingress

  Background:
    Given ingress-nginx is installed
    And a file "kubia-rc.yaml":
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
    And a file "kubia-svc-nodeport.yaml":
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

  @ingress @old-api-versions @cluster-profile
  Scenario: The book's extensions/v1beta1 Ingress routes kubia.example.com on a 1.19 cluster
    Given a cluster running Kubernetes 1.19
    And a file "kubia-ingress.yaml":
      """
      apiVersion: extensions/v1beta1
      kind: Ingress
      metadata:
        name: kubia
      spec:
        rules:
        - host: kubia.example.com
          http:
            paths:
            - path: /
              backend:
                serviceName: kubia-nodeport
                servicePort: 80
      """
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl create -f kubia-svc-nodeport.yaml`
    And I run `kubectl create -f kubia-ingress.yaml`
    Then the output contains "ingress.extensions/kubia created"
    When I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I wait until `kubectl get ingresses` outputs "localhost"
    Then the output matches:
      """
      NAME    CLASS    HOSTS               ADDRESS     PORTS   AGE
      kubia   <none>   kubia.example.com   localhost   80      <age>
      """
    And 5 seconds pass
    When I run `curl -s --resolve kubia.example.com:80:127.0.0.1 http://kubia.example.com` from outside the cluster
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    When I run `curl -s -o /dev/null -w '%{http_code}' --resolve other.example.com:80:127.0.0.1 http://other.example.com` from outside the cluster
    Then the output matches:
      """
      404
      """
