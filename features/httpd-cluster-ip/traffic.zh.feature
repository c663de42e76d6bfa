# language: zh-CN
# 种子: shared/seeds/004_56c8b0acdd8cfc9d.txt (CSDN: Kubernetes创建Service访问Pod)。
# 原文的 ClusterIP 10.97.198.28 和 NodePort 31276 是随机分配的, 这里用占位符匹配;
# 链名 KUBE-SVC-IYRDZZKXS5EOQ6Q6 由 "${NAMESPACE}/httpd-svc" 和 "tcp" 散列而来, 与原文一致。
功能: 通过 httpd-svc 访问 httpd Pod

  背景:
    假如文件 "httpd.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: httpd
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: httpd
        template:
          metadata:
            labels:
              app: httpd
          spec:
            containers:
            - name: httpd
              image: httpd
              ports:
              - containerPort: 80
      """
    而且文件 "httpd-svc.yml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: httpd-svc
      spec:
        type: NodePort
        selector:
          app: httpd
        ports:
        - protocol: TCP
          port: 8080
          targetPort: 80
      """

  @conformance @iptables-rules @node-shell
  场景: 节点上 curl ClusterIP, 集群外访问 NodePort, 两者都经过 KUBE-SVC-IYRDZZKXS5EOQ6Q6
    当我运行 `kubectl apply -f httpd.yml`
    而且我运行 `kubectl rollout status deployment/httpd --timeout=120s`
    而且我运行 `kubectl apply -f httpd-svc.yml`
    那么输出包含 "service/httpd-svc created"
    当过了 1 秒
    当我记住 `kubectl get svc httpd-svc -o jsonpath='{.spec.clusterIP}'` 为 "CLUSTER_IP"
    而且我记住 `kubectl get svc httpd-svc -o jsonpath='{.spec.ports[0].nodePort}'` 为 "NODE_PORT"
    而且我记住 `kubectl get node kind-worker -o jsonpath='{.status.addresses[0].address}'` 为 "NODE_IP"
    而且我在节点 "kind-worker" 上运行 `curl -s ${CLUSTER_IP}:8080`
    那么输出匹配:
      """
      <html><body><h1>It works!</h1></body></html>
      """
    当我从集群外运行 `curl -s ${NODE_IP}:${NODE_PORT}`
    那么命令成功
    而且输出匹配:
      """
      <html><body><h1>It works!</h1></body></html>
      """
    当我在节点 "kind-worker" 上运行 `iptables-save -t nat | grep -e 'dport 8080 -j KUBE-SVC' -e 'dport ${NODE_PORT} -j KUBE-EXT' | grep -v 127.0.0.0/8`
    那么输出匹配:
      """
      -A KUBE-NODEPORTS -p tcp -m comment --comment "${NAMESPACE}/httpd-svc" -m tcp --dport ${NODE_PORT} -j KUBE-EXT-IYRDZZKXS5EOQ6Q6
      -A KUBE-SERVICES -d ${CLUSTER_IP}/32 -p tcp -m comment --comment "${NAMESPACE}/httpd-svc cluster IP" -m tcp --dport 8080 -j KUBE-SVC-IYRDZZKXS5EOQ6Q6
      """
    当我在节点 "kind-worker" 上运行 `iptables-save -t nat | grep -c -- '-A KUBE-SVC-IYRDZZKXS5EOQ6Q6 .*--probability 0.50000000000 -j KUBE-SEP-'`
    那么输出匹配:
      """
      1
      """
