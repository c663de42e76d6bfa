# Seed: shared/seeds/000_b5a4487dfbc02210.txt ("Connecting Applications with Services", kubernetes.io),
# section "暴露 Service" (exposing the Service): the HTTPS nginx reached from outside the cluster,
# first on a node's ExternalIP and the https NodePort, then on the load balancer's address
# after `kubectl edit` changed the type to LoadBalancer. kind's nodes have no public address and
# no cloud load balancer: the cluster steps give the nodes ExternalIPs and the cluster a load
# balancer provider, as the seed's cloud did. The seed's NodePorts and addresses are read with
# jsonpath. Setting up the certificate, Secret and ConfigMap is the seed's manual path (https.feature).
# bprashanth/nginxhttps:1.0 is the seed's image of 2016: a registry that no longer serves it
# would fail these scenarios on a real cluster.
@conformance @outside-client @cluster-profile
Feature: Connecting applications with services: the HTTPS nginx from outside the cluster

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
    And a file "nginx-secure-app.yaml":
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
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: my-nginx
      spec:
        selector:
          matchLabels:
            run: my-nginx
        replicas: 1
        template:
          metadata:
            labels:
              run: my-nginx
          spec:
            volumes:
            - name: secret-volume
              secret:
                secretName: nginxsecret
            - name: configmap-volume
              configMap:
                name: nginxconfigmap
            containers:
            - name: nginxhttps
              image: bprashanth/nginxhttps:1.0
              ports:
              - containerPort: 443
              - containerPort: 80
              volumeMounts:
              - mountPath: /etc/nginx/ssl
                name: secret-volume
              - mountPath: /etc/nginx/conf.d
                name: configmap-volume
      """

  Scenario: With public node addresses, the https NodePort answers on every node
    Given the nodes have external IPs
    When I run:
      """
      $ openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout /tmp/nginx.key -out /tmp/nginx.crt -subj "/CN=my-nginx/O=my-nginx"
      $ kubectl create secret tls nginxsecret --key /tmp/nginx.key --cert /tmp/nginx.crt
      $ kubectl create configmap nginxconfigmap --from-file=default.conf
      $ kubectl create -f ./nginx-secure-app.yaml
      $ kubectl rollout status deployment/my-nginx --timeout=120s
      """
    And I remember `kubectl get svc my-nginx -o jsonpath='{.spec.ports[?(@.name=="https")].nodePort}'` as "NODE_PORT"
    # The seed reads the addresses with `kubectl get nodes -o yaml | grep ExternalIP -C 1`
    # (securing-and-exposing.feature); here jsonpath hands them to curl.
    And I remember `kubectl get nodes -o jsonpath='{.items[*].status.addresses[?(@.type=="ExternalIP")].address}'` as "EXTERNAL_IPS"
    And I run `for ip in ${EXTERNAL_IPS}; do curl -s -o /dev/null -w "%{http_code}\n" https://$ip:${NODE_PORT} -k; done` from outside the cluster
    # One node a line: kind-control-plane, kind-worker, kind-worker2.
    Then the output matches:
      """
      200
      200
      200
      """
    When I run `curl https://$(echo ${EXTERNAL_IPS} | cut -d' ' -f2):${NODE_PORT} -k` from outside the cluster
    Then the command succeeds
    And the output matches:
      """
      <...>
      <h1>Welcome to nginx!</h1>
      <...>
      """

  @loadbalancer
  Scenario: After the edit to LoadBalancer, curl reaches nginx on the external IP
    Given a load balancer provider with addresses "172.18.255.200-172.18.255.250"
    When I run:
      """
      $ openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout /tmp/nginx.key -out /tmp/nginx.crt -subj "/CN=my-nginx/O=my-nginx"
      $ kubectl create secret tls nginxsecret --key /tmp/nginx.key --cert /tmp/nginx.crt
      $ kubectl create configmap nginxconfigmap --from-file=default.conf
      $ kubectl create -f ./nginx-secure-app.yaml
      $ kubectl rollout status deployment/my-nginx --timeout=120s
      """
    And I run `kubectl edit svc my-nginx` changing "spec.type" to "LoadBalancer"
    Then the output contains "service/my-nginx edited"
    When I wait until `kubectl get svc my-nginx` outputs "172.18.255."
    Then the output matches:
      """
      NAME       TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)                          AGE
      my-nginx   LoadBalancer   <ip>         <ip>          8080:<port>/TCP,443:<port>/TCP   <age>
      """
    When I remember `kubectl get svc my-nginx -o jsonpath='{.status.loadBalancer.ingress[0].ip}'` as "EXTERNAL_IP"
    And I run `curl https://${EXTERNAL_IP} -k` from outside the cluster
    Then the command succeeds
    And the output matches:
      """
      <...>
      <title>Welcome to nginx!</title>
      <...>
      """
    # "The CLUSTER-IP is only available inside your cluster/private cloud network."
    When I remember `kubectl get svc my-nginx -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `curl -s -k --max-time 5 https://${CLUSTER_IP}` from outside the cluster
    Then the command fails
    And the output does not contain "Welcome to nginx!"
