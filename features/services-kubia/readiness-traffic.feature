# Seed: shared/seeds/001_511da3bc7decc1d7.txt ("Kubernetes in Action" ch. 5), 5.5.1 and 5.5.2:
# requests through the Service reach only pods whose readiness probe succeeds; a pod whose
# probe starts failing leaves the Service and is not restarted. The book's probe `ls /var/ready`
# is driven with `kubectl exec POD -- touch /var/ready` and `rm /var/ready`.
@conformance
Feature: Readiness probes decide which kubia pods get requests

  Background:
    Given a file "kubia-rc-readinessprobe.yaml":
      """
      apiVersion: v1
      kind: ReplicationController
      metadata:
        name: kubia
      spec:
        replicas: 3
        selector:
          app: kubia
        template:
          metadata:
            labels:
              app: kubia
          spec:
            containers:
            - name: kubia
              image: luksa/kubia
              ports:
              - name: http
                containerPort: 8080
              readinessProbe:
                exec:
                  command:
                  - ls
                  - /var/ready
      """
    And a file "kubia-svc.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: kubia
      spec:
        ports:
        - port: 80
          targetPort: 8080
        selector:
          app: kubia
      """

  Scenario: Only the ready pod answers; when its probe fails again it leaves the Service without a restart
    When I run `kubectl create -f kubia-rc-readinessprobe.yaml`
    And I run `kubectl create -f kubia-svc.yaml`
    And I wait until `kubectl get pods` outputs "Running"
    And 30 seconds pass
    And I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}'` as "POD"
    And I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[1].metadata.name}'` as "CLIENT"
    And I run `kubectl exec ${CLIENT} -- curl -sS -m 2 http://kubia`
    Then the exit code is 7
    When I run `kubectl exec ${POD} -- touch /var/ready`
    And I wait until `kubectl get pod ${POD}` outputs "1/1"
    And I run `for i in $(seq 1 10); do kubectl exec ${CLIENT} -- curl -s http://kubia; done | sort -u`
    Then the output matches:
      """
      You've hit ${POD}
      """
    When I run `kubectl exec ${POD} -- rm /var/ready`
    And I wait until `kubectl get pod ${POD}` outputs "0/1"
    And I run `kubectl get pod ${POD}`
    Then the output matches:
      """
      NAME    READY   STATUS    RESTARTS   AGE
      ${POD}   0/1     Running   0          <age>
      """
    When I run `kubectl get endpoints kubia`
    Then the output matches:
      """
      NAME    ENDPOINTS   AGE
      kubia               <age>
      """
    When I run `kubectl exec ${CLIENT} -- curl -sS -m 2 http://kubia`
    Then the exit code is 7
