# language: zh-CN
# 种子: shared/seeds/003_d937de37f44e6993.txt, 用中文步骤重述三条说法:
# "Service 通过 label-selector 关联 Pod 并负载均衡" (IPVS rr 轮询, 每个 pod 的 index.html 改写为它的主机名),
# "NodePort 的不足: 一个端口只能一个服务使用" (第二个 Service 要同一个 nodePort 被拒绝),
# "ingress 为弥补 NodePort 的不足而生" (两个服务共用 ingress 节点的 80 端口, 按域名区分)。
# 种子的 Ingress 是 networking.k8s.io/v1beta1, 这里换成 networking.k8s.io/v1; 种子 hosts 文件里的
# 节点 IP 在 kind 上是映射到本机的 80 端口, 所以用 `curl --resolve 域名:80:127.0.0.1`。
功能: Service 负载均衡、NodePort 的端口限制与 Ingress 按域名共用端口

  @ipvs @cluster-profile
  场景: IPVS rr 调度: 同一客户端的六个请求轮流到达三个 pod
    假如kube-proxy 使用 IPVS 模式和 "rr" 调度算法
    而且一个 Deployment "web"，运行 3 个 "nginx:1.18-alpine" 副本
    当我在端口 80 上暴露 Deployment "web"
    那么Service "web" 有一个集群 IP
    而且Service "web" 的端点就是 Deployment "web" 的 pod
    当我运行 `for p in $(kubectl get pods -l app=web -o name); do kubectl exec $p -- sh -c 'hostname > /usr/share/nginx/html/index.html'; done`
    而且我运行 `kubectl run client --image=busybox --restart=Never -- sleep 3600`
    而且我运行 `kubectl wait --for=condition=Ready pod/client --timeout=120s`
    而且我在 pod "client" 中运行 `for i in 1 2 3 4 5 6; do wget -qO- http://web.${NAMESPACE}.svc.cluster.local; done | sort | uniq -c`
    那么输出匹配:
      """
            2 web-<hash>-<hash>
            2 web-<hash>-<hash>
            2 web-<hash>-<hash>
      """

  @conformance
  场景: 一个 NodePort 只能给一个 Service 使用
    当我运行 `kubectl create service nodeport web --tcp=80:80 --node-port=30080`
    那么输出包含 "service/web created"
    当我运行 `kubectl create service nodeport web1 --tcp=80:80 --node-port=30080`
    那么命令失败并提示 "error: failed to create NodePort service: Service \"web1\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated"

  @ingress @outside-client
  场景: 两个服务通过 ingress 共用 80 端口, 按域名区分
    假如已安装 ingress-nginx
    而且文件 "domain_http.yml":
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
    当我运行:
      """
      $ kubectl create deployment web --image=nginx:1.18-alpine
      $ kubectl expose deployment web --port=80 --type=NodePort --target-port=80 --name=web
      $ kubectl create deployment web1 --image=nginx:1.18-alpine
      $ kubectl expose deployment web1 --port=80 --type=NodePort --target-port=80 --name=web1
      $ kubectl rollout status deployment web
      $ kubectl rollout status deployment web1
      """
    而且我运行 `kubectl exec deploy/web -- sh -c 'echo "foo" > /usr/share/nginx/html/index.html'`
    而且我运行 `kubectl exec deploy/web1 -- sh -c 'echo "bar" > /usr/share/nginx/html/index.html'`
    而且我运行 `kubectl apply -f domain_http.yml`
    那么输出包含 "ingress.networking.k8s.io/name-virtual-host-ingress created"
    当我等待直到 `kubectl get ingress name-virtual-host-ingress` 输出 "localhost"
    而且我从集群外运行 `curl -s --resolve foo.cropy.cn:80:127.0.0.1 http://foo.cropy.cn/`
    那么输出匹配:
      """
      foo
      """
    当我从集群外运行 `curl -s --resolve bar.cropy.cn:80:127.0.0.1 http://bar.cropy.cn/`
    那么输出匹配:
      """
      bar
      """
