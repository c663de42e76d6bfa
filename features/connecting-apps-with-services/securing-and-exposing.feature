# Seed: shared/seeds/000_b5a4487dfbc02210.txt, sections "保護服務" (securing the service) and
# "暴露 Service" (exposing it), the parts that need no traffic. The seed's NodePorts
# (31704, 32453, 30163) and public node addresses are random or cloud-given: the scenarios
# match them with <port> and <ip>. `kubectl edit` is driven by the step that names the change.
Feature: Connecting applications with services: ConfigMap, NodePort and LoadBalancer

  Background:
    Given a file "default.conf":
      """
      server {
              listen 80 default_server;
              listen [::]:80 default_server ipv6only=on;

              listen 443 ssl;

              root /usr/share/nginx/html;
              index index.html;

              server_name localhost;
              ssl_certificate /etc/nginx/ssl/tls.crt;
              ssl_certificate_key /etc/nginx/ssl/tls.key;

              location / {
                      try_files $uri $uri/ =404;
              }
      }
      """
    And a file "nginx-secure-svc.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-nginx
        labels:
          run: my-nginx
      spec:
        type: NodePort
        ports:
        - port: 8080
          targetPort: 80
          protocol: TCP
          name: http
        - port: 443
          protocol: TCP
          name: https
        selector:
          run: my-nginx
      """

  @conformance
  Scenario: The nginx configuration becomes a ConfigMap
    When I run `kubectl create configmap nginxconfigmap --from-file=default.conf`
    Then the output contains "configmap/nginxconfigmap created"
    When I run `kubectl get configmaps`
    # kube-root-ca.crt is in every namespace of a real cluster; the seed's older cluster did not have it.
    Then the output matches:
      """
      NAME             DATA   AGE
      <...>
      nginxconfigmap   1      <age>
      """
    When I run `kubectl describe configmap  nginxconfigmap`
    Then the output matches:
      """
      Name:         nginxconfigmap
      Namespace:    ${NAMESPACE}
      Labels:       <none>
      Annotations:  <none>

      Data
      ====
      default.conf:
      ----
      server {
              listen 80 default_server;
              listen [::]:80 default_server ipv6only=on;

              listen 443 ssl;

              root /usr/share/nginx/html;
              index index.html;

              server_name localhost;
              ssl_certificate /etc/nginx/ssl/tls.crt;
              ssl_certificate_key /etc/nginx/ssl/tls.key;

              location / {
                      try_files $uri $uri/ =404;
              }
      }
      <...>
      BinaryData
      ====

      Events:  <none>
      """

  @conformance
  Scenario: A NodePort Service with two named ports gets a node port for each
    When I run `kubectl create -f nginx-secure-svc.yaml`
    And I run `kubectl get svc my-nginx -o yaml | grep nodePort -C 5`
    Then the output matches:
      """
      <...>
        ports:
        - name: http
          nodePort: <port>
          port: 8080
          protocol: TCP
          targetPort: 80
        - name: https
          nodePort: <port>
          port: 443
          protocol: TCP
          targetPort: 443
        selector:
          run: my-nginx
      """

  @cluster-profile
  Scenario: Nodes with public addresses list them as ExternalIP
    Given the nodes have external IPs
    When I run `kubectl get nodes -o yaml | grep ExternalIP -C 1`
    Then the output matches:
      """
          - address: <ip>
            type: ExternalIP
          - address: <any>
      <...>
      """

  @loadbalancer @cluster-profile
  Scenario: Editing the Service's type to LoadBalancer gives it an external IP, first pending
    Given a load balancer provider with addresses "172.18.255.200-172.18.255.250"
    When I run `kubectl create -f nginx-secure-svc.yaml`
    And I remember `kubectl get svc my-nginx -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `kubectl edit svc my-nginx` changing "spec.type" to "LoadBalancer"
    Then the output contains "service/my-nginx edited"
    When I run `kubectl get svc my-nginx`
    Then the output matches:
      """
      NAME       TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)                        AGE
      my-nginx   LoadBalancer   ${CLUSTER_IP}   <pending>     8080:<port>/TCP,443:<port>/TCP   <age>
      """
    When I wait until `kubectl get svc my-nginx` outputs "172.18.255."
    Then the output matches:
      """
      NAME       TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)                        AGE
      my-nginx   LoadBalancer   ${CLUSTER_IP}   <ip>          8080:<port>/TCP,443:<port>/TCP   <age>
      """

  @loadbalancer @cluster-profile
  Scenario: On AWS the load balancer is a long ELB hostname, shown by describe
    Given a load balancer provider that gives AWS ELB hostnames
    When I run `kubectl create -f nginx-secure-svc.yaml`
    And I run `kubectl edit svc my-nginx` changing "spec.type" to "LoadBalancer"
    And I wait until `kubectl describe service my-nginx` outputs "elb.amazonaws.com"
    Then the output matches:
      """
      <...>
      LoadBalancer Ingress:     <any>.us-east-1.elb.amazonaws.com
      <...>
      """
