# Seed: shared/seeds/003_d937de37f44e6993.txt, "pod使用secret的两种方式" (as environment variables,
# which do not follow changes, or mounted as files, which follow them after a while) and
# "应用如何动态更新配置" (reload what the files say, or trigger a rolling update to restart).
# secrets-and-configmaps.feature shows the env and the mounted ConfigMap; these scenarios show a
# mounted Secret and the rolling update. busybox stands in for the seed's mysql:5.6 and for an
# application that reads its settings at start; the seed's password 123456 is kept.
Feature: Mounted Secrets follow their object; a rolling update brings new environment values

  @conformance
  Scenario: A Secret mounted as a volume changes in the pod after the kubelet's sync; its env copy does not
    Given a file "mysql_pod.yml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: mysql
        namespace: config
      spec:
        containers:
        - name: mysql
          image: busybox
          command: ["sh", "-c", "sleep 3600"]
          env:
          - name: MYSQL_ROOT_PASSWORD
            valueFrom:
              secretKeyRef:
                key: password
                name: mysql-root-password
          volumeMounts:
          - name: root-password
            mountPath: /etc/mysql-secret
            readOnly: true
        volumes:
        - name: root-password
          secret:
            secretName: mysql-root-password
      """
    When I run `kubectl create namespace config`
    And I run `kubectl create secret generic mysql-root-password -n config --from-literal=password=123456`
    And I run `kubectl apply -f mysql_pod.yml`
    And I run `kubectl wait --for=condition=Ready pod/mysql -n config --timeout=120s`
    And I run `kubectl exec -n config mysql -- sh -c 'echo $MYSQL_ROOT_PASSWORD; cat /etc/mysql-secret/password; echo'`
    Then the output matches:
      """
      123456
      123456
      """
    When I run `kubectl create secret generic mysql-root-password -n config --from-literal=password=654321 --dry-run=client -o yaml | kubectl apply -f -`
    Then the output contains "secret/mysql-root-password configured"
    When I wait until `kubectl exec -n config mysql -- cat /etc/mysql-secret/password` outputs "654321"
    And I run `kubectl exec -n config mysql -- printenv MYSQL_ROOT_PASSWORD`
    Then the output matches:
      """
      123456
      """

  @conformance
  Scenario: A rolling update restarts the pods, which read the new ConfigMap value into their environment
    Given a file "app.yaml":
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: app-config
      data:
        mode: blue
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: app
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: app
        template:
          metadata:
            labels:
              app: app
          spec:
            containers:
            - name: app
              image: busybox
              command: ["sh", "-c", "sleep 3600"]
              env:
              - name: MODE
                valueFrom:
                  configMapKeyRef:
                    name: app-config
                    key: mode
      """
    When I run `kubectl apply -f app.yaml`
    And I run `kubectl rollout status deployment app`
    And I run `kubectl exec deploy/app -- printenv MODE`
    Then the output matches:
      """
      blue
      """
    When I run `kubectl patch configmap app-config -p '{"data":{"mode":"green"}}'`
    And I run `kubectl exec deploy/app -- printenv MODE`
    Then the output matches:
      """
      blue
      """
    When I remember `kubectl get pods -l app=app -o jsonpath='{.items[0].metadata.name}'` as "OLD_POD"
    And I run `kubectl rollout restart deployment app`
    Then the output contains "deployment.apps/app restarted"
    When I run `kubectl rollout status deployment app`
    # `exec deploy/app` picks the pod ready longest, which is the old one while it terminates.
    And I run `kubectl wait --for=delete pod/${OLD_POD} --timeout=120s`
    And I run `kubectl exec deploy/app -- printenv MODE`
    Then the output matches:
      """
      green
      """
