# language: zh-CN
# 种子: shared/seeds/000_b5a4487dfbc02210.txt (使用服務連線應用程式), 用中文的自然步骤重述。
@conformance
功能: 使用 Service 连接应用

  场景: Service 的端点就是 Deployment 的 pod, 删除 pod 后集群 IP 不变
    假如一个 Deployment "my-nginx"，运行 2 个 "nginx" 副本
    当我在端口 80 上暴露 Deployment "my-nginx"
    那么Service "my-nginx" 有一个集群 IP
    而且Service "my-nginx" 的端点就是 Deployment "my-nginx" 的 pod
    当Deployment "my-nginx" 的一个 pod 被删除
    那么Service "my-nginx" 的端点就是 Deployment "my-nginx" 的 pod
    而且Service "my-nginx" 的集群 IP 不变
    而且Deployment "my-nginx" 的 pod 的环境变量包含 Service "my-nginx" 的变量

  场景: 运行 kubectl 命令并检查输出
    当我运行 `kubectl get svc kubernetes -n default`
    那么命令成功
    而且输出匹配:
      """
      NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
      kubernetes   ClusterIP   <ip>         <none>        443/TCP   <age>
      """
