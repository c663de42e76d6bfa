# Seed: shared/seeds/003_d937de37f44e6993.txt, "https域名配置" (a self-signed CA made with cfssl,
# a TLS Secret, https_svc.yml) and "定制化http跳转https" (rewrite_https.yml, ssl-redirect).
# Adaptations:
# - The seed signs a certificate for blog.ctnrs.com but then creates the Secret from
#   blog.cropy.cn.pem, a file its commands never wrote: one scenario replays that literally,
#   the others sign blog.cropy.cn, the host the Ingresses serve. The here-documents are the
#   seed's, with its flattened JSON laid out on lines again.
# - The Ingresses are networking.k8s.io/v1 (the seed's networking.k8s.io/v1beta1 is gone since
#   Kubernetes 1.22), with `service.name`/`service.port.number` and pathType Prefix.
# - rewrite_https.yml writes the annotation value with typographic quotes (‘true‘), a copy-paste
#   accident; here it is 'true'.
# - "The host's /etc/hosts points the name at the ingress node" is `curl --resolve NAME:443:127.0.0.1`:
#   kind maps the controller node's ports 80 and 443 to the host.
@ingress @outside-client
Feature: ingress-nginx with TLS: a cfssl CA, a TLS Secret, HTTPS and the 308 redirect

  Background:
    Given ingress-nginx is installed
    When I run:
      """
      cat > ca-config.json <<EOF
      {
        "signing": {
          "default": {
            "expiry": "87600h"
          },
          "profiles": {
            "kubernetes": {
              "expiry": "87600h",
              "usages": [
                "signing",
                "key encipherment",
                "server auth",
                "client auth"
              ]
            }
          }
        }
      }
      EOF
      cat > ca-csr.json <<EOF
      {
        "CN": "kubernetes",
        "key": {
          "algo": "rsa",
          "size": 2048
        },
        "names": [
          {
            "C": "CN",
            "L": "Beijing",
            "ST": "Beijing"
          }
        ]
      }
      EOF
      cfssl gencert -initca ca-csr.json | cfssljson -bare ca -
      """
    And I run `kubectl create deployment web --image=nginx:1.18-alpine`
    And I run `kubectl expose deployment web --port=80 --type=NodePort --target-port=80 --name=web`
    And I run `kubectl rollout status deployment web`
    And I run `kubectl exec deploy/web -- sh -c 'echo "foo" > /usr/share/nginx/html/index.html'`

  Scenario: The seed's commands as written: the certificate is for blog.ctnrs.com, the Secret wants blog.cropy.cn.pem
    When I run:
      """
      cat > blog.ctnrs.com-csr.json <<EOF
      {
        "CN": "blog.ctnrs.com",
        "hosts": [],
        "key": {
          "algo": "rsa",
          "size": 2048
        },
        "names": [
          {
            "C": "CN",
            "L": "BeiJing",
            "ST": "BeiJing"
          }
        ]
      }
      EOF
      cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=kubernetes blog.ctnrs.com-csr.json | cfssljson -bare blog.ctnrs.com
      ls
      """
    Then the output matches:
      """
      blog.ctnrs.com-csr.json
      blog.ctnrs.com-key.pem
      blog.ctnrs.com.csr
      blog.ctnrs.com.pem
      ca-config.json
      ca-csr.json
      ca-key.pem
      ca.csr
      ca.pem
      """
    When I run `kubectl create secret tls blog.cropy.cn --cert=blog.cropy.cn.pem --key=blog.cropy.cn-key.pem`
    Then the command fails with "error: Cannot read file blog.cropy.cn.pem, open blog.cropy.cn.pem: no such file or directory"

  Scenario: A Secret holding the blog.ctnrs.com certificate does not serve blog.cropy.cn: the controller's fake certificate does
    When I run:
      """
      cat > blog.ctnrs.com-csr.json <<EOF
      {"CN": "blog.ctnrs.com", "hosts": [], "key": {"algo": "rsa", "size": 2048}, "names": [{"C": "CN", "L": "BeiJing", "ST": "BeiJing"}]}
      EOF
      cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=kubernetes blog.ctnrs.com-csr.json | cfssljson -bare blog.ctnrs.com
      kubectl create secret tls blog.cropy.cn --cert=blog.ctnrs.com.pem --key=blog.ctnrs.com-key.pem
      """
    Then the output contains "secret/blog.cropy.cn created"
    Given a file "https_svc.yml":
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: tls-blog-cropy-cn-ingress
      spec:
        tls:
        - hosts:
          - blog.cropy.cn
          secretName: blog.cropy.cn
        rules:
        - host: blog.cropy.cn
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
    When I run `kubectl apply -f https_svc.yml`
    And I wait until `kubectl get ingress tls-blog-cropy-cn-ingress` outputs "localhost"
    # The certificate names neither the host in a SAN nor in its CN (ingress-nginx
    # internal/ingress/controller: VerifyHostname, then its own CN check), so the server keeps the default.
    And I run `curl -s --cacert ca.pem --resolve blog.cropy.cn:443:127.0.0.1 https://blog.cropy.cn/` from outside the cluster
    Then the exit code is 60
    When I run `curl -skv -o /dev/null --resolve blog.cropy.cn:443:127.0.0.1 https://blog.cropy.cn/` from outside the cluster
    Then the error output contains "*  subject: O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate"
    When I run `curl -sk --resolve blog.cropy.cn:443:127.0.0.1 https://blog.cropy.cn/` from outside the cluster
    Then the output matches:
      """
      foo
      """

  Scenario: The CA signs blog.cropy.cn; the Secret holds the pair; HTTPS answers with that certificate
    When I run:
      """
      cat > blog.cropy.cn-csr.json <<EOF
      {
        "CN": "blog.cropy.cn",
        "hosts": [],
        "key": {
          "algo": "rsa",
          "size": 2048
        },
        "names": [
          {
            "C": "CN",
            "L": "BeiJing",
            "ST": "BeiJing"
          }
        ]
      }
      EOF
      cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=kubernetes blog.cropy.cn-csr.json | cfssljson -bare blog.cropy.cn
      """
    # cfssl warns on stderr that a certificate without "hosts" does not suit websites.
    Then the error output contains "[WARNING] This certificate lacks a \"hosts\" field."
    When I run `openssl x509 -in blog.cropy.cn.pem -noout -subject -issuer`
    Then the output matches:
      """
      subject=C = CN, ST = BeiJing, L = BeiJing, CN = blog.cropy.cn
      issuer=C = CN, ST = Beijing, L = Beijing, CN = kubernetes
      """
    When I run `kubectl create secret tls blog.cropy.cn --cert=blog.cropy.cn.pem --key=blog.cropy.cn-key.pem`
    Then the output contains "secret/blog.cropy.cn created"
    When I run `kubectl get secret`
    Then the output matches:
      """
      NAME            TYPE                DATA   AGE
      blog.cropy.cn   kubernetes.io/tls   2      <age>
      """
    Given a file "https_svc.yml":
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: tls-blog-cropy-cn-ingress
      spec:
        tls:
        - hosts:
          - blog.cropy.cn
          secretName: blog.cropy.cn
        rules:
        - host: blog.cropy.cn
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
    When I run `kubectl apply -f https_svc.yml`
    Then the output contains "ingress.networking.k8s.io/tls-blog-cropy-cn-ingress created"
    When I wait until `kubectl get ingress tls-blog-cropy-cn-ingress` outputs "localhost"
    And I run `kubectl get ingress`
    Then the output matches:
      """
      NAME                        CLASS    HOSTS           ADDRESS     PORTS     AGE
      tls-blog-cropy-cn-ingress   <none>   blog.cropy.cn   localhost   80, 443   <age>
      """
    When I run `curl -s --cacert ca.pem --resolve blog.cropy.cn:443:127.0.0.1 https://blog.cropy.cn/` from outside the cluster
    Then the output matches:
      """
      foo
      """
    When I run `curl -sv -o /dev/null --cacert ca.pem --resolve blog.cropy.cn:443:127.0.0.1 https://blog.cropy.cn/` from outside the cluster
    Then the error output contains "*  subject: C=CN; ST=BeiJing; L=BeiJing; CN=blog.cropy.cn"
    And the error output contains "*  issuer: C=CN; ST=Beijing; L=Beijing; CN=kubernetes"
    And the error output contains "*  SSL certificate verify ok."
    # Without the CA the client cannot trust the self-signed chain.
    When I run `curl -s --resolve blog.cropy.cn:443:127.0.0.1 https://blog.cropy.cn/` from outside the cluster
    Then the exit code is 60
    # With a TLS section, ingress-nginx sends plain HTTP to HTTPS by default.
    When I run `curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' --resolve blog.cropy.cn:80:127.0.0.1 http://blog.cropy.cn/` from outside the cluster
    Then the output matches:
      """
      308 https://blog.cropy.cn/
      """

  Scenario: ssl-redirect: plain HTTP gets 308 Permanent Redirect to the HTTPS address
    When I run:
      """
      cat > blog.cropy.cn-csr.json <<EOF
      {"CN": "blog.cropy.cn", "hosts": [], "key": {"algo": "rsa", "size": 2048}, "names": [{"C": "CN", "L": "BeiJing", "ST": "BeiJing"}]}
      EOF
      cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=kubernetes blog.cropy.cn-csr.json | cfssljson -bare blog.cropy.cn
      kubectl create secret tls blog.cropy.cn --cert=blog.cropy.cn.pem --key=blog.cropy.cn-key.pem
      """
    Given a file "rewrite_https.yml":
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: tls-example-ingress
        annotations:
          kubernetes.io/ingress.class: "nginx"
          nginx.ingress.kubernetes.io/ssl-redirect: 'true'
      spec:
        tls:
        - hosts:
          - blog.cropy.cn
          secretName: blog.cropy.cn
        rules:
        - host: blog.cropy.cn
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
    When I run `kubectl apply -f rewrite_https.yml`
    Then the output contains "ingress.networking.k8s.io/tls-example-ingress created"
    When I wait until `kubectl get ingress tls-example-ingress` outputs "localhost"
    And I run `curl -si --resolve blog.cropy.cn:80:127.0.0.1 http://blog.cropy.cn/` from outside the cluster
    Then the output matches:
      """
      HTTP/1.1 308 Permanent Redirect
      Date: <any>
      Content-Type: text/html
      Content-Length: 164
      Connection: keep-alive
      Location: https://blog.cropy.cn/

      <html>
      <head><title>308 Permanent Redirect</title></head>
      <body>
      <center><h1>308 Permanent Redirect</h1></center>
      <hr><center>nginx</center>
      </body>
      </html>
      """
    When I run `curl -sL --cacert ca.pem --resolve blog.cropy.cn:80:127.0.0.1 --resolve blog.cropy.cn:443:127.0.0.1 http://blog.cropy.cn/` from outside the cluster
    Then the output matches:
      """
      foo
      """
