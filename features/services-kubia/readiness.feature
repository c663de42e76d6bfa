# Seed: shared/seeds/001_511da3bc7decc1d7.txt, 5.5 "pod就绪后发出信号" (readiness probes).
# The book's probe `ls /var/ready` fails until the file exists; `kubectl exec POD -- touch /var/ready`
# makes the pod ready, and only ready pods are endpoints of the service.
@conformance
Feature: Readiness probes decide which pods are endpoints

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

  Scenario: Pods are not ready until /var/ready exists, then one joins the endpoints
    When I run `kubectl create -f kubia-rc-readinessprobe.yaml`
    And I run `kubectl create -f kubia-svc.yaml`
    And I wait until `kubectl get pods` outputs "Running"
    And 30 seconds pass
    And I run `kubectl get pods`
    Then the output matches:
      """
      NAME          READY   STATUS    RESTARTS   AGE
      kubia-<hash>   0/1     Running   0          <age>
      kubia-<hash>   0/1     Running   0          <age>
      kubia-<hash>   0/1     Running   0          <age>
      """
    When I run `kubectl get endpoints kubia`
    Then the output matches:
      """
      NAME    ENDPOINTS   AGE
      kubia               <age>
      """
    When I remember `kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}'` as "POD"
    And I run `kubectl exec ${POD} -- touch /var/ready`
    And I wait until `kubectl get pod ${POD}` outputs "1/1"
    And I run `kubectl get endpoints kubia`
    Then the output matches:
      """
      NAME    ENDPOINTS   AGE
      kubia   <ip:port>   <age>
      """
