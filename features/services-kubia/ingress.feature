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

  @ingress @old-api-versions @cluster-profile @outside-client
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

  @ingress @outside-client
  Scenario: The same Ingress in networking.k8s.io/v1 on Kubernetes 1.31
    Given a file "kubia-ingress.yaml":
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: kubia
      spec:
        rules:
        - host: kubia.example.com
          http:
            paths:
            - path: /
              pathType: Prefix
              backend:
                service:
                  name: kubia-nodeport
                  port:
                    number: 80
      """
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl create -f kubia-svc-nodeport.yaml`
    And I run `kubectl create -f kubia-ingress.yaml`
    Then the output contains "ingress.networking.k8s.io/kubia created"
    When I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I wait until `kubectl get ingresses` outputs "localhost"
    Then the output matches:
      """
      NAME    CLASS    HOSTS               ADDRESS     PORTS   AGE
      kubia   <none>   kubia.example.com   localhost   80      <age>
      """
    When I run `curl -s --resolve kubia.example.com:80:127.0.0.1 http://kubia.example.com` from outside the cluster
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    When I run `curl -s -H 'Host: kubia.example.com' http://localhost/anything` from outside the cluster
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    # The controller sends the request to a pod IP from the Service's endpoints itself, so
    # kubia logs the controller pod as its client, not a node or the outside machine.
    When I remember `kubectl get pods -n ingress-nginx -l app.kubernetes.io/component=controller -o jsonpath='{.items[0].status.podIP}'` as "CONTROLLER_IP"
    And I run `for pod in $(kubectl get pods -l app=kubia -o name); do kubectl logs $pod; done`
    Then the output contains "Received request from ::ffff:${CONTROLLER_IP}"
    And the output does not contain "Received request from ::ffff:172.18."

  @ingress @outside-client
  Scenario: Two paths of one host lead to two services
    Given a file "kubia-ingress-paths.yaml":
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: kubia
      spec:
        rules:
        - host: kubia.example.com
          http:
            paths:
            - path: /kubia
              pathType: Prefix
              backend:
                service:
                  name: kubia
                  port:
                    number: 80
            - path: /foo
              pathType: Prefix
              backend:
                service:
                  name: bar
                  port:
                    number: 80
      """
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl expose rc kubia --port=80 --target-port=8080`
    And I run `kubectl create deployment bar --image=luksa/kubia`
    And I run `kubectl expose deployment bar --port=80 --target-port=8080`
    And I run `kubectl create -f kubia-ingress-paths.yaml`
    And I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I run `kubectl wait --for=condition=Ready pod -l app=bar --timeout=120s`
    And I wait until `kubectl get ingress kubia` outputs "localhost"
    And I run `curl -s --resolve kubia.example.com:80:127.0.0.1 http://kubia.example.com/kubia` from outside the cluster
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    When I run `curl -s --resolve kubia.example.com:80:127.0.0.1 http://kubia.example.com/foo` from outside the cluster
    Then the output matches:
      """
      You've hit bar-<hash>-<hash>
      """
    When I run `curl -s -o /dev/null -w '%{http_code}' --resolve kubia.example.com:80:127.0.0.1 http://kubia.example.com/` from outside the cluster
    Then the output matches:
      """
      404
      """

  @ingress @outside-client
  Scenario: Two hosts on one Ingress lead to two services
    Given a file "foo-bar-ingress.yaml":
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: foo-bar
      spec:
        rules:
        - host: foo.example.com
          http:
            paths:
            - path: /
              pathType: Prefix
              backend:
                service:
                  name: foo
                  port:
                    number: 80
        - host: bar.example.com
          http:
            paths:
            - path: /
              pathType: Prefix
              backend:
                service:
                  name: bar
                  port:
                    number: 80
      """
    When I run `kubectl create deployment foo --image=luksa/kubia`
    And I run `kubectl expose deployment foo --port=80 --target-port=8080`
    And I run `kubectl create deployment bar --image=luksa/kubia`
    And I run `kubectl expose deployment bar --port=80 --target-port=8080`
    And I run `kubectl create -f foo-bar-ingress.yaml`
    And I run `kubectl wait --for=condition=Ready pod -l app=foo --timeout=120s`
    And I run `kubectl wait --for=condition=Ready pod -l app=bar --timeout=120s`
    And I wait until `kubectl get ingress foo-bar` outputs "localhost"
    Then the output matches:
      """
      NAME      CLASS    HOSTS                             ADDRESS     PORTS   AGE
      foo-bar   <none>   foo.example.com,bar.example.com   localhost   80      <age>
      """
    When I run `curl -s --resolve foo.example.com:80:127.0.0.1 http://foo.example.com` from outside the cluster
    Then the output matches:
      """
      You've hit foo-<hash>-<hash>
      """
    When I run `curl -s --resolve bar.example.com:80:127.0.0.1 http://bar.example.com` from outside the cluster
    Then the output matches:
      """
      You've hit bar-<hash>-<hash>
      """

  @ingress @outside-client
  Scenario: TLS ends at the ingress controller with the certificate from the Secret
    Given a file "kubia-ingress-tls.yaml":
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: kubia
      spec:
        tls:
        - hosts:
          - kubia.example.com
          secretName: tls-secret
        rules:
        - host: kubia.example.com
          http:
            paths:
            - path: /
              pathType: Prefix
              backend:
                service:
                  name: kubia-nodeport
                  port:
                    number: 80
      """
    When I run `kubectl create -f kubia-rc.yaml`
    And I run `kubectl create -f kubia-svc-nodeport.yaml`
    And I run `openssl genrsa -out tls.key 2048`
    And I run `openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com`
    Then the command succeeds
    When I run `kubectl create secret tls tls-secret --cert=tls.cert --key=tls.key`
    Then the output matches:
      """
      secret/tls-secret created
      """
    When I run `kubectl apply -f kubia-ingress-tls.yaml`
    Then the output contains "ingress.networking.k8s.io/kubia created"
    When I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I wait until `kubectl get ingress kubia` outputs "localhost"
    Then the output matches:
      """
      NAME    CLASS    HOSTS               ADDRESS     PORTS     AGE
      kubia   <none>   kubia.example.com   localhost   80, 443   <age>
      """
    When I run `curl -k -v --resolve kubia.example.com:443:127.0.0.1 https://kubia.example.com/kubia` from outside the cluster
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    And the error output contains "subject: CN=kubia.example.com"
    And the error output contains "> GET /kubia HTTP/"
    # With a tls section ingress-nginx redirects plain HTTP to HTTPS (ssl-redirect defaults to true).
    When I run `curl -s -I --resolve kubia.example.com:80:127.0.0.1 http://kubia.example.com/kubia` from outside the cluster
    Then the output contains "HTTP/1.1 308 Permanent Redirect"
    And the output contains "Location: https://kubia.example.com/kubia"

  @ingress @old-api-versions @cluster-profile @outside-client
  Scenario: The book's TLS Ingress on a 1.19 cluster: a certificate from openssl in a tls Secret
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
    And a file "kubia-ingress-tls.yaml":
      """
      apiVersion: extensions/v1beta1
      kind: Ingress
      metadata:
        name: kubia
      spec:
        tls:
        - hosts:
          - kubia.example.com
          secretName: tls-secret
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
    And I run `openssl genrsa -out tls.key 2048`
    And I run `openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com`
    And I run `kubectl create secret tls tls-secret --cert=tls.cert --key=tls.key`
    # The book's kubectl printed `secret "tls-secret" created`.
    Then the output matches:
      """
      secret/tls-secret created
      """
    When I run `kubectl apply -f kubia-ingress-tls.yaml`
    Then the output contains "ingress.extensions/kubia configured"
    And the error output contains "Warning: extensions/v1beta1 Ingress is deprecated in v1.14+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress"
    When I run `kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s`
    And I wait until `kubectl get ingresses` outputs "localhost"
    Then the output matches:
      """
      NAME    CLASS    HOSTS               ADDRESS     PORTS     AGE
      kubia   <none>   kubia.example.com   localhost   80, 443   <age>
      """
    When I run `curl -k -v --resolve kubia.example.com:443:127.0.0.1 https://kubia.example.com/kubia` from outside the cluster
    Then the output matches:
      """
      You've hit kubia-<hash>
      """
    And the error output contains "subject: CN=kubia.example.com"
    And the error output contains "> GET /kubia HTTP/"
    And the error output contains "> Host: kubia.example.com"
