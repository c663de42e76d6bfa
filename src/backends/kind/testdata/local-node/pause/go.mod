module kube-scenarios/kind-test/pause

go 1.22
