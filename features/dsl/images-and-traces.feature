Feature: Declared images and request traces
  A scenario can add an image to the memory cluster's table, and assert on the
  path the memory backend traced for a request.

  @custom-images @request-traces
  Scenario: A declared image answers, and the request's path shows the service rules
    Given an image "example/hello:1.0" that answers "hello from v1" on port 8080
    When I run `kubectl create deployment hello --image=example/hello:1.0`
    And I run `kubectl expose deployment hello --port=80 --target-port=8080`
    And I run `kubectl run client --image=busybox --command -- sleep 3600`
    And I run `kubectl rollout status deployment/hello --timeout=120s`
    And I run `kubectl wait --for=condition=Ready pod/client --timeout=120s`
    And I run `wget -q -O - http://hello` in pod "client"
    Then the output matches:
      """
      hello from v1
      """
    And the last request went through "KUBE-SVC-"
    And the last request went through "hello.default.svc.cluster.local"
