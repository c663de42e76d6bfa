# Seed: shared/seeds/003_d937de37f44e6993.txt, the Ingress manifests as the seed wrote them:
# networking.k8s.io/v1beta1 with serviceName/servicePort, a path-less backend in domain_http.yml,
# no pathType. The seed's manifests lost their indentation in the page; they are re-indented.
# Kubernetes 1.19 to 1.21 served that version with a deprecation warning and stored the v1 form
# (pathType ImplementationSpecific); 1.22 removed it, so today's cluster refuses the files.
# ingress-nginx-routing.feature runs the same Ingresses converted to networking.k8s.io/v1.
Feature: The seed's networking.k8s.io/v1beta1 Ingresses on Kubernetes 1.19 and today

  Background:
    Given a file "http_demo.yml":
      """
      apiVersion: networking.k8s.io/v1beta1
      kind: Ingress
      metadata:
        name: http-ingress
      spec:
        rules:
        - host: test.cropy.cn
          http:
            paths:
            - path: /
              backend:
                serviceName: web
                servicePort: 80
      """
    And a file "domain_http.yml":
      """
      apiVersion: networking.k8s.io/v1beta1
      kind: Ingress
      metadata:
        name: name-virtual-host-ingress
      spec:
        rules:
        - host: foo.cropy.cn
          http:
            paths:
            - backend:
                serviceName: web
                servicePort: 80
        - host: bar.cropy.cn
          http:
            paths:
            - backend:
                serviceName: web1
                servicePort: 80
      """
    And a file "location_http.yml":
      """
      apiVersion: networking.k8s.io/v1beta1
      kind: Ingress
      metadata:
        name: location-ingress
        annotations:
          nginx.ingress.kubernetes.io/rewrite-target: /
      spec:
        rules:
        - host: test.cropy.cn
          http:
            paths:
            - path: /foo
              backend:
                serviceName: web
                servicePort: 80
            - path: /bar
              backend:
                serviceName: web1
                servicePort: 80
      """

  @old-api-versions @cluster-profile
  Scenario: Kubernetes 1.19 takes the v1beta1 Ingresses with a warning and stores them as v1
    Given a cluster running Kubernetes 1.19
    When I run `kubectl apply -f http_demo.yml`
    Then the output contains "ingress.networking.k8s.io/http-ingress created"
    And the error output contains "Warning: networking.k8s.io/v1beta1 Ingress is deprecated in v1.19+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress"
    When I run `kubectl apply -f domain_http.yml`
    Then the output contains "ingress.networking.k8s.io/name-virtual-host-ingress created"
    When I run `kubectl apply -f location_http.yml`
    Then the output contains "ingress.networking.k8s.io/location-ingress created"
    When I run `kubectl get ingress`
    Then the output matches:
      """
      NAME                        CLASS    HOSTS                       ADDRESS   PORTS   AGE
      http-ingress                <none>   test.cropy.cn                         80      <age>
      location-ingress            <none>   test.cropy.cn                         80      <age>
      name-virtual-host-ingress   <none>   foo.cropy.cn,bar.cropy.cn             80      <age>
      """
    When I run `kubectl get ingress http-ingress -o jsonpath='{.apiVersion} {.spec.rules[0].http.paths[0].pathType} {.spec.rules[0].http.paths[0].backend.service.name}:{.spec.rules[0].http.paths[0].backend.service.port.number}'`
    Then the output matches:
      """
      networking.k8s.io/v1 ImplementationSpecific web:80
      """

  @conformance
  Scenario Outline: Kubernetes 1.31 refuses every v1beta1 Ingress of the seed
    When I run `kubectl apply -f <file>`
    Then the command fails
    And the error output contains "no matches for kind \"Ingress\" in version \"networking.k8s.io/v1beta1\""

    Examples:
      | file              |
      | http_demo.yml     |
      | domain_http.yml   |
      | location_http.yml |
