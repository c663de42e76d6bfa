Feature: Transcript matching
  `Then the output matches:` compares the output with a tutorial's printed
  output: column widths, names, IPs and ages may differ, nothing else.

  Scenario: Columns of any width and every placeholder
    Given a file "svc.txt":
      """
      NAME         TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)          AGE
      my-nginx     NodePort    10.96.162.149  <none>        8080:31704/TCP   2m30s
      my-nginx-7c5ddbdf54-2xkqz   1/1   Running   0   21s   10.244.1.5
      Endpoints: 10.244.2.5:80,10.244.3.4:80
      anything at all: 42 items
      """
    When I run `cat svc.txt`
    Then the output matches:
      """
      NAME   TYPE   CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
      my-nginx   NodePort   <ip>   <none>   8080:<port>/TCP   <age>
      my-nginx-<hash>-<hash>   1/1   Running   <n>   <age>   <ip>
      Endpoints: <ip:port>,<ip:port>
      anything<any>
      """

  Scenario: Any number of lines
    When I run `printf '<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n</html>\n'`
    Then the output matches:
      """
      <...>
      <title>Welcome to nginx!</title>
      <...>
      """

  Scenario: Text the tools print in angle brackets is literal
    When I run `printf 'EXTERNAL-IP\n<pending>\n'`
    Then the output matches:
      """
      EXTERNAL-IP
      <pending>
      """
