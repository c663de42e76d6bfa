# Seed: shared/seeds/003_d937de37f44e6993.txt, the secret and configmap sections.
# Every create form the seed lists, the mysql pod that takes its root password from a
# Secret, and the update behaviour it describes: environment variables are fixed when the
# container starts, mounted files follow the object after the kubelet's next sync.
# The seed's mysql_pod.yml lost its indentation in the page; it is re-indented here.
Feature: Secrets and ConfigMaps: every create form, env and volume use, update behaviour

  @conformance
  Scenario: A generic Secret from a literal, in a namespace of its own
    When I run `kubectl create namespace config`
    Then the output contains "namespace/config created"
    When I run `kubectl create secret generic mysql-root-password -n config --from-literal=password=123456`
    Then the output contains "secret/mysql-root-password created"
    When I run `kubectl get secret -n config mysql-root-password`
    Then the output matches:
      """
      NAME                  TYPE     DATA   AGE
      mysql-root-password   Opaque   1      <age>
      """
    When I run `kubectl get secret -n config mysql-root-password -o jsonpath='{.data.password}' | base64 -d`
    Then the output matches:
      """
      123456
      """

  @conformance
  Scenario: A docker-registry Secret
    When I run `kubectl create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER --docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL`
    Then the output contains "secret/my-secret created"
    When I run `kubectl get secret my-secret`
    Then the output matches:
      """
      NAME        TYPE                             DATA   AGE
      my-secret   kubernetes.io/dockerconfigjson   1      <age>
      """

  @conformance
  Scenario: A TLS Secret needs both files, and a key that parses
    Given a file "blog.cropy.cn.pem":
      """
      not a certificate
      """
    When I run `kubectl create secret tls blog.cropy.cn --cert=blog.cropy.cn.pem --key=blog.cropy.cn-key.pem`
    Then the command fails
    And the error output contains "blog.cropy.cn-key.pem"

  @conformance
  Scenario: The mysql pod takes its root password from the Secret as an environment variable
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
      """
    # busybox stands in for mysql:5.6, whose server this project does not model; the env is the point.
    When I run `kubectl create namespace config`
    And I run `kubectl create secret generic mysql-root-password -n config --from-literal=password=123456`
    And I run `kubectl apply -f mysql_pod.yml`
    Then the output contains "pod/mysql created"
    When I run `kubectl wait --for=condition=Ready pod/mysql -n config --timeout=120s`
    And I run `kubectl exec -n config mysql -- printenv MYSQL_ROOT_PASSWORD`
    Then the output matches:
      """
      123456
      """

  @conformance
  Scenario Outline: ConfigMaps from files, keyed files, literals and env files
    Given a file "path/to/bar/file1.txt":
      """
      one
      """
    And a file "path/to/bar/file2.txt":
      """
      two
      """
    And a file "path/to/bar.env":
      """
      # comment lines are skipped
      key1=config1
      key2=config2
      """
    When I run `kubectl create configmap my-config <source>`
    Then the output contains "configmap/my-config created"
    When I run `kubectl get configmap my-config -o jsonpath='{.data.<key>}'`
    Then the output contains "<value>"

    Examples:
      | source                                                                         | key          | value   |
      | --from-file=path/to/bar                                                        | file1\.txt   | one     |
      | --from-file=key1=path/to/bar/file1.txt --from-file=key2=path/to/bar/file2.txt  | key2         | two     |
      | --from-literal=key1=config1 --from-literal=key2=config2                        | key1         | config1 |
      | --from-env-file=path/to/bar.env                                                | key2         | config2 |

  @conformance
  Scenario: Environment variables keep their value, mounted files follow the ConfigMap
    Given a file "app.yaml":
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: app-config
      data:
        mode: blue
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
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
          volumeMounts:
          - name: config
            mountPath: /etc/app
        volumes:
        - name: config
          configMap:
            name: app-config
      """
    When I run `kubectl apply -f app.yaml`
    And I run `kubectl wait --for=condition=Ready pod/app --timeout=120s`
    And I run `kubectl exec app -- sh -c 'echo $MODE; cat /etc/app/mode'`
    Then the output matches:
      """
      blue
      blue
      """
    When I run `kubectl patch configmap app-config -p '{"data":{"mode":"green"}}'`
    And I wait until `kubectl exec app -- cat /etc/app/mode` outputs "green"
    And I run `kubectl exec app -- printenv MODE`
    Then the output matches:
      """
      blue
      """
