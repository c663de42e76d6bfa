# Seeds: shared/seeds/001 (kubia-ingress.yaml) and 003 (http_demo.yml) write Ingresses as
# extensions/v1beta1 with serviceName/servicePort. Kubernetes 1.22 removed that version:
# on a current cluster kubectl refuses the file; a 1.19 cluster takes it with a warning
# and stores it as networking.k8s.io/v1. Both outcomes are shown.
Feature: Ingress API versions: the tutorials' extensions/v1beta1 then and now

  Background:
    Given a file "kubia-ingress.yaml":
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

  @conformance
  Scenario: Kubernetes 1.31 no longer serves extensions/v1beta1
    When I run `kubectl apply -f kubia-ingress.yaml`
    Then the command fails
    And the error output contains "no matches for kind \"Ingress\" in version \"extensions/v1beta1\""
    And the error output contains "ensure CRDs are installed first"

  @old-api-versions @cluster-profile
  Scenario: Kubernetes 1.19 takes it with a deprecation warning
    Given a cluster running Kubernetes 1.19
    When I run `kubectl apply -f kubia-ingress.yaml`
    Then the command succeeds
    And the output contains "ingress.extensions/kubia created"
    And the error output contains "Warning: extensions/v1beta1 Ingress is deprecated in v1.14+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress"
    When I run `kubectl get ingresses`
    Then the output matches:
      """
      NAME    CLASS    HOSTS               ADDRESS   PORTS   AGE
      kubia   <none>   kubia.example.com             80      <age>
      """

  @conformance
  Scenario: The same Ingress in networking.k8s.io/v1
    Given a file "kubia-ingress-v1.yaml":
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
    When I run `kubectl apply -f kubia-ingress-v1.yaml`
    Then the output contains "ingress.networking.k8s.io/kubia created"
    When I run `kubectl get ingresses`
    Then the output matches:
      """
      NAME    CLASS    HOSTS               ADDRESS   PORTS   AGE
      kubia   <none>   kubia.example.com             80      <age>
      """
