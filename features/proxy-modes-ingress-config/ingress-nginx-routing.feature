# Seed: shared/seeds/003_d937de37f44e6993.txt, "深入理解ingress": the single-host http_demo.yml,
# location_http.yml (routing by path with rewrite-target), domain_http.yml (name-based virtual
# hosts) and personal_http.yml (proxy annotations read back from nginx.conf).
# Adaptations:
# - The seed's Ingresses are networking.k8s.io/v1beta1 (serviceName/servicePort), which
#   Kubernetes 1.22 stopped serving; here they are networking.k8s.io/v1 with `service.name`,
#   `service.port.number` and the pathType v1 requires (Prefix for "/", "/foo", "/bar").
#   ingress-api-versions.feature and old-ingress-manifests.feature show the old form.
# - The seed's controller (aliyun-ingress-controller, hostNetwork, pod nginx-ingress-controller-5pn98
#   in namespace ingress-nginx) is kind's ingress-nginx: the control-plane node with ports 80 and
#   443 mapped to the host, so "the node IP in /etc/hosts" is `curl --resolve HOST:80:127.0.0.1`.
#   The controller pod's name is random and is looked up.
# - `kubectl exec -it POD -- bash` then `cat nginx.conf | grep ...` becomes one
#   `kubectl exec POD -n ingress-nginx -- cat /etc/nginx/nginx.conf | grep ...`.
# - The seed's web pod was answering "foo" and web1 "bar" (its `echo ... > index.html`).
@ingress @outside-client
Feature: ingress-nginx: one host, paths with rewrite-target, virtual hosts and proxy annotations

  Background:
    Given ingress-nginx is installed
    When I run:
      """
      $ kubectl create deployment web --image=nginx:1.18-alpine
      $ kubectl expose deployment web --port=80 --type=NodePort --target-port=80 --name=web
      $ kubectl create deployment web1 --image=nginx:1.18-alpine
      $ kubectl expose deployment web1 --port=80 --type=NodePort --target-port=80 --name=web1
      $ kubectl rollout status deployment web
      $ kubectl rollout status deployment web1
      """
    And I run `kubectl exec deploy/web -- sh -c 'echo "foo" > /usr/share/nginx/html/index.html'`
    And I run `kubectl exec deploy/web1 -- sh -c 'echo "bar" > /usr/share/nginx/html/index.html'`
    And I remember `kubectl get pods -n ingress-nginx -l app.kubernetes.io/component=controller -o jsonpath='{.items[0].metadata.name}'` as "CONTROLLER"

  Scenario: A single host: test.cropy.cn goes to web
    Given a file "http_demo.yml":
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: http-ingress
      spec:
        rules:
        - host: test.cropy.cn
          http:
            paths:
            - path: /
              pathType: Prefix
              backend:
                service:
                  name: web
                  port:
                    number: 80
      """
    When I run `kubectl apply -f http_demo.yml`
    Then the output contains "ingress.networking.k8s.io/http-ingress created"
    When I wait until `kubectl get ingress http-ingress` outputs "localhost"
    And I run `kubectl get ingress`
    Then the output matches:
      """
      NAME           CLASS    HOSTS           ADDRESS     PORTS   AGE
      http-ingress   <none>   test.cropy.cn   localhost   80      <age>
      """
    When I run `kubectl exec ${CONTROLLER} -n ingress-nginx -- cat /etc/nginx/nginx.conf | grep test.cropy.cn`
    Then the output matches:
      """
      	## start server test.cropy.cn
      		server_name test.cropy.cn ;
      	## end server test.cropy.cn
      """
    When I run `curl -s --resolve test.cropy.cn:80:127.0.0.1 http://test.cropy.cn/` from outside the cluster
    Then the output matches:
      """
      foo
      """
    # Any other name reaches nginx's default server, which has no backend.
    When I run `curl -s -o /dev/null -w '%{http_code}\n' --resolve other.cropy.cn:80:127.0.0.1 http://other.cropy.cn/` from outside the cluster
    Then the output matches:
      """
      404
      """

  Scenario: Routing by path: /foo to web, /bar to web1, each rewritten to /
    Given a file "location_http.yml":
      """
      apiVersion: networking.k8s.io/v1
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
              pathType: Prefix
              backend:
                service:
                  name: web
                  port:
                    number: 80
            - path: /bar
              pathType: Prefix
              backend:
                service:
                  name: web1
                  port:
                    number: 80
      """
    When I run `kubectl apply -f location_http.yml`
    Then the output contains "ingress.networking.k8s.io/location-ingress created"
    When I wait until `kubectl get ingress location-ingress` outputs "localhost"
    And I run `curl -s http://test.cropy.cn/bar --resolve test.cropy.cn:80:127.0.0.1` from outside the cluster
    Then the output matches:
      """
      bar
      """
    When I run `curl -s http://test.cropy.cn/foo --resolve test.cropy.cn:80:127.0.0.1` from outside the cluster
    Then the output matches:
      """
      foo
      """
    # Without rewrite-target nginx would ask web for /foo, which it does not have; / itself has no rule.
    When I run `curl -s -o /dev/null -w '%{http_code}\n' http://test.cropy.cn/ --resolve test.cropy.cn:80:127.0.0.1` from outside the cluster
    Then the output matches:
      """
      404
      """
    When I run `kubectl exec ${CONTROLLER} -n ingress-nginx -- cat /etc/nginx/nginx.conf | grep -e 'location ~\* "^/foo"' -e 'location ~\* "^/bar"' -e 'rewrite "(?i)'`
    Then the output matches:
      """
      		location ~* "^/foo" {
      			rewrite "(?i)/foo" / break;
      		location ~* "^/bar" {
      			rewrite "(?i)/bar" / break;
      """

  Scenario: Without rewrite-target the path reaches the pod unchanged
    Given a file "location_plain.yml":
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: location-plain
      spec:
        rules:
        - host: test.cropy.cn
          http:
            paths:
            - path: /foo
              pathType: Prefix
              backend:
                service:
                  name: web
                  port:
                    number: 80
      """
    When I run `kubectl apply -f location_plain.yml`
    And I wait until `kubectl get ingress location-plain` outputs "localhost"
    And I run `curl -s http://test.cropy.cn/foo --resolve test.cropy.cn:80:127.0.0.1` from outside the cluster
    Then the output contains "<title>404 Not Found</title>"
    And the output contains "<center>nginx/1.18.0</center>"

  Scenario: Name-based virtual hosts: foo.cropy.cn to web, bar.cropy.cn to web1
    Given a file "domain_http.yml":
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: name-virtual-host-ingress
      spec:
        rules:
        - host: foo.cropy.cn
          http:
            paths:
            - path: /
              pathType: Prefix
              backend:
                service:
                  name: web
                  port:
                    number: 80
        - host: bar.cropy.cn
          http:
            paths:
            - path: /
              pathType: Prefix
              backend:
                service:
                  name: web1
                  port:
                    number: 80
      """
    # The seed's `kubectl apply domain_http.yml` lacks -f.
    When I run `kubectl apply domain_http.yml`
    Then the command fails with "error: Unexpected args: [domain_http.yml]"
    When I run `kubectl apply -f domain_http.yml`
    Then the output contains "ingress.networking.k8s.io/name-virtual-host-ingress created"
    When I wait until `kubectl get ingress name-virtual-host-ingress` outputs "localhost"
    And I run `kubectl get ingress`
    Then the output matches:
      """
      NAME                        CLASS    HOSTS                       ADDRESS     PORTS   AGE
      name-virtual-host-ingress   <none>   foo.cropy.cn,bar.cropy.cn   localhost   80      <age>
      """
    When I run `curl -s --resolve bar.cropy.cn:80:127.0.0.1 http://bar.cropy.cn` from outside the cluster
    Then the output matches:
      """
      bar
      """
    When I run `curl -s --resolve foo.cropy.cn:80:127.0.0.1 http://foo.cropy.cn` from outside the cluster
    Then the output matches:
      """
      foo
      """
    # The seed's hosts file lines: the names point at the ingress node.
    When I run `curl -s -H 'Host: bar.cropy.cn' http://127.0.0.1/` from outside the cluster
    Then the output matches:
      """
      bar
      """

  Scenario: Proxy annotations become the location's proxy settings in nginx.conf
    Given a file "personal_http.yml":
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: example-ingress-proxy
        annotations:
          kubernetes.io/ingress.class: "nginx"
          nginx.ingress.kubernetes.io/proxy-connect-timeout: "600"
          nginx.ingress.kubernetes.io/proxy-send-timeout: "600"
          nginx.ingress.kubernetes.io/proxy-read-timeout: "600"
          nginx.ingress.kubernetes.io/proxy-body-size: "10m"
      spec:
        rules:
        - host: example.cropy.cn
          http:
            paths:
            - path: /
              pathType: Prefix
              backend:
                service:
                  name: web
                  port:
                    number: 80
      """
    When I run `kubectl apply -f personal_http.yml`
    Then the output contains "ingress.networking.k8s.io/example-ingress-proxy created"
    When I wait until `kubectl get ingress example-ingress-proxy` outputs "localhost"
    And I run `kubectl exec ${CONTROLLER} -n ingress-nginx -- cat /etc/nginx/nginx.conf | grep proxy`
    Then the output contains:
      """
      			proxy_connect_timeout                   600s;
      			proxy_send_timeout                      600s;
      			proxy_read_timeout                      600s;
      """
    # The controller's defaults, in every other location.
    And the output contains:
      """
      			proxy_connect_timeout                   5s;
      			proxy_send_timeout                      60s;
      			proxy_read_timeout                      60s;
      """
    # proxy-body-size is nginx's client_max_body_size, which `grep proxy` does not show.
    When I run `kubectl exec ${CONTROLLER} -n ingress-nginx -- cat /etc/nginx/nginx.conf | grep -A 60 'set $ingress_name   "example-ingress-proxy"' | grep client_max_body_size`
    Then the output matches:
      """
      			client_max_body_size                    10m;
      """
    When I run `curl -s --resolve example.cropy.cn:80:127.0.0.1 http://example.cropy.cn/` from outside the cluster
    Then the output matches:
      """
      foo
      """

  Scenario: The seed's exec form without -- is refused by kubectl 1.31
    When I run `kubectl exec ${CONTROLLER} -n ingress-nginx cat /etc/nginx/nginx.conf`
    Then the command fails with "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead"
