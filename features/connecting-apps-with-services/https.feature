# Seed: shared/seeds/000_b5a4487dfbc02210.txt ("Connecting Applications with Services", kubernetes.io),
# section "保護服務" (securing the service): the certificate, the Secret, the HTTPS nginx and the
# requests to it. `make keys` needs the https-nginx example's Makefile, Go and make, which the
# user's machine has not: the scenarios take the seed's own manual steps (openssl) instead, writing
# to /tmp rather than the seed's Windows path /d/tmp. The seed pastes the base64 of the key pair
# into nginxsecrets.yaml by hand; here a here-document puts `base64 -w0` (one line, as the seed
# asks) in its place. The seed runs `kubectl delete deployments,svc my-nginx` on the objects of
# its first part; the scenarios create them first so that the line does what it did there.
# bprashanth/nginxhttps:1.0 is the seed's image of 2016: a registry that no longer serves it
# would fail these scenarios on a real cluster.
@conformance
Feature: Connecting applications with services: HTTPS with a self-signed certificate

  Background:
    Given a file "run-my-nginx.yaml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: my-nginx
      spec:
        selector:
          matchLabels:
            run: my-nginx
        replicas: 2
        template:
          metadata:
            labels:
              run: my-nginx
          spec:
            containers:
            - name: my-nginx
              image: nginx
              ports:
              - containerPort: 80
      """
    And a file "default.conf":
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
    And a file "curlpod.yaml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: curl-deployment
      spec:
        selector:
          matchLabels:
            app: curlpod
        replicas: 1
        template:
          metadata:
            labels:
              app: curlpod
          spec:
            volumes:
            - name: secret-volume
              secret:
                secretName: nginxsecret
            containers:
            - name: curlpod
              command:
              - sh
              - -c
              - while true; do sleep 1; done
              image: radial/busyboxplus:curl
              volumeMounts:
              - mountPath: /etc/nginx/ssl
                name: secret-volume
      """

  Scenario: openssl makes a self-signed key pair for my-nginx, and it becomes a TLS Secret
    When I run `openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout /tmp/nginx.key -out /tmp/nginx.crt -subj "/CN=my-nginx/O=my-nginx"`
    Then the command succeeds
    When I run `openssl x509 -in /tmp/nginx.crt -noout -subject -issuer`
    Then the output matches:
      """
      subject=CN = my-nginx, O = my-nginx
      issuer=CN = my-nginx, O = my-nginx
      """
    When I run `kubectl create secret tls nginxsecret --key /tmp/nginx.key --cert /tmp/nginx.crt`
    Then the output matches:
      """
      secret/nginxsecret created
      """
    When I run `kubectl get secrets`
    Then the output matches:
      """
      NAME          TYPE                DATA   AGE
      nginxsecret   kubernetes.io/tls   2      <age>
      """

  Scenario: The Secret written by hand from the base64 of the key pair
    When I run `openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout /tmp/nginx.key -out /tmp/nginx.crt -subj "/CN=my-nginx/O=my-nginx"`
    And I run `cat /tmp/nginx.crt | base64 | head -1`
    # A PEM file starts with "-----BEGIN", whose base64 is LS0tLS1CRUdJTi.
    Then the output matches:
      """
      LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tC<any>
      """
    When I run:
      """
      cat > nginxsecrets.yaml <<EOF
      apiVersion: "v1"
      kind: "Secret"
      metadata:
        name: "nginxsecret"
        namespace: "default"
      type: kubernetes.io/tls
      data:
        tls.crt: "$(cat /tmp/nginx.crt | base64 -w0)"
        tls.key: "$(cat /tmp/nginx.key | base64 -w0)"
      EOF
      """
    And I run `kubectl apply -f nginxsecrets.yaml`
    Then the output matches:
      """
      secret/nginxsecret created
      """
    When I run `kubectl get secrets`
    Then the output matches:
      """
      NAME          TYPE                DATA   AGE
      nginxsecret   kubernetes.io/tls   2      <age>
      """
    When I run `[ "$(kubectl get secret nginxsecret -o jsonpath='{.data.tls\.crt}' | base64 -d)" = "$(cat /tmp/nginx.crt)" ] && echo "the Secret holds the certificate"`
    Then the output contains "the Secret holds the certificate"

  @node-shell
  Scenario: From a node, curl -k reaches the HTTPS nginx on its pod IP
    When I run:
      """
      $ openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout /tmp/nginx.key -out /tmp/nginx.crt -subj "/CN=my-nginx/O=my-nginx"
      $ kubectl create secret tls nginxsecret --key /tmp/nginx.key --cert /tmp/nginx.crt
      $ kubectl create configmap nginxconfigmap --from-file=default.conf
      $ kubectl apply -f ./run-my-nginx.yaml
      $ kubectl expose deployment/my-nginx
      """
    And I run `kubectl delete deployments,svc my-nginx; kubectl create -f ./nginx-secure-app.yaml`
    Then the output matches:
      """
      deployment.apps "my-nginx" deleted
      service "my-nginx" deleted
      service/my-nginx created
      deployment.apps/my-nginx created
      """
    When I run `kubectl rollout status deployment/my-nginx --timeout=120s`
    And I run `kubectl get pods -l run=my-nginx -o custom-columns=POD_IP:.status.podIPs`
    Then the output matches:
      """
      POD_IP
      [map[ip:<ip>]]
      """
    When I remember `kubectl get pods -l run=my-nginx -o jsonpath='{.items[0].status.podIP}'` as "POD_IP"
    And I run `curl -k https://${POD_IP}` on node "kind-worker"
    Then the command succeeds
    And the output matches:
      """
      <...>
      <h1>Welcome to nginx!</h1>
      <...>
      """
    # "we had to tell curl to ignore the CName mismatch": without -k the self-signed
    # certificate is refused (curl's exit 60, SSL certificate problem).
    When I run `curl -s https://${POD_IP}` on node "kind-worker"
    Then the exit code is 60
    # The same pod serves plain HTTP on port 80.
    When I run `curl -s http://${POD_IP}` on node "kind-worker2"
    Then the output contains "<h1>Welcome to nginx!</h1>"

  Scenario: A pod with the certificate reaches https://my-nginx by its Service name
    When I run:
      """
      $ openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout /tmp/nginx.key -out /tmp/nginx.crt -subj "/CN=my-nginx/O=my-nginx"
      $ kubectl create secret tls nginxsecret --key /tmp/nginx.key --cert /tmp/nginx.crt
      $ kubectl create configmap nginxconfigmap --from-file=default.conf
      $ kubectl create -f ./nginx-secure-app.yaml
      $ kubectl rollout status deployment/my-nginx --timeout=120s
      """
    And I run `kubectl apply -f ./curlpod.yaml`
    Then the output matches:
      """
      deployment.apps/curl-deployment created
      """
    When I run `kubectl rollout status deployment/curl-deployment --timeout=120s`
    And I run `kubectl get pods -l app=curlpod`
    Then the output matches:
      """
      NAME                               READY   STATUS    RESTARTS   AGE
      curl-deployment-<hash>-<hash>   1/1     Running   0          <age>
      """
    When I remember `kubectl get pods -l app=curlpod -o jsonpath='{.items[0].metadata.name}'` as "CURL_POD"
    And I run `kubectl exec ${CURL_POD} -- curl https://my-nginx --cacert /etc/nginx/ssl/tls.crt`
    Then the command succeeds
    And the output matches:
      """
      <...>
      <title>Welcome to nginx!</title>
      <...>
      """
    # The certificate's CN is my-nginx, the name the pod looked up: it verifies without -k.
    # Without the CA certificate curl cannot verify the self-signed one.
    When I run `kubectl exec ${CURL_POD} -- curl -s https://my-nginx`
    Then the exit code is 60
