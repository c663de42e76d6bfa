# language: zh-CN
# 种子: shared/seeds/001_511da3bc7decc1d7.txt（《Kubernetes in Action》第 5 章笔记），5.1.1 与 5.1.2，
# 用中文的自然步骤重述。书中用 ReplicationController，这里用 Deployment（自然步骤只认 Deployment），
# 所以 pod 名是 kubia-<hash>-<hash>。中文的暴露步骤没有目标端口，kubia 监听 8080，故用 kubectl expose。
@conformance
功能: kubia 服务：服务发现

  场景: 服务创建之后才启动的 pod 才有它的环境变量，DNS 则总能找到服务
    假如一个 Deployment "kubia"，运行 3 个 "luksa/kubia" 副本
    当我运行 `kubectl expose deployment kubia --port=80 --target-port=8080`
    那么输出包含 "service/kubia exposed"
    而且Service "kubia" 有一个集群 IP
    而且Service "kubia" 的端点就是 Deployment "kubia" 的 pod
    而且Deployment "kubia" 的 pod 的环境变量不包含 Service "kubia" 的变量
    当Deployment "kubia" 的一个 pod 被删除
    那么Deployment "kubia" 的 pod 的环境变量包含 Service "kubia" 的变量
    而且Service "kubia" 的端点就是 Deployment "kubia" 的 pod
    当我记住 `kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}'` 为 "POD"
    而且我在 pod "${POD}" 中运行 `curl -s http://kubia.${NAMESPACE}.svc.cluster.local`
    那么输出匹配:
      """
      You've hit kubia-<hash>-<hash>
      """
    当我在 pod "${POD}" 中运行 `curl -s http://${KUBIA_CLUSTER_IP}`
    那么输出匹配:
      """
      You've hit kubia-<hash>-<hash>
      """
