/**
 * A corpus of bad inputs with kubectl's exact stdout, stderr and exit status.
 *
 * CLIENT_SIDE: recorded from the kubectl 1.31.9 binary on this machine
 * (/usr/lib/google-cloud-sdk/bin/kubectl.1.31, no cluster), in a directory
 * holding cfg/a.txt ("hello"), e.env and bad.env as created below; these need
 * no server, so the recording is the reference.
 *
 * SERVER_SIDE: against the test API server; each row names the source of its
 * text (kubectl or apimachinery file).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ApiError } from '../apiserver/types.ts';
import { createFakeHost, type FakeHost } from './testing/fake-host.ts';

type Row = [args: string[], stdout: string, stderr: string, exitCode: number];

const CLIENT_FILES = { 'cfg/a.txt': 'hello\n', 'e.env': 'A=1\nB=2 \n export D=4\n', 'bad.env': 'bad line\n' };

const CLIENT_SIDE: Row[] = [
  [["xyzzy"], "", "error: unknown command \"xyzzy\" for \"kubectl\"\n", 1],
  [["foo"], "", "error: unknown command \"foo\" for \"kubectl\"\n\nDid you mean this?\n\ttop\n", 1],
  [["rm"], "", "error: unknown command \"rm\" for \"kubectl\"\n\nDid you mean this?\n\trun\n\tdelete\n\tcp\n", 1],
  [["get","--bogus"], "", "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n", 1],
  [["--bogus","get"], "", "error: unknown flag: --bogus\nSee 'kubectl --help' for usage.\n", 1],
  [["get","-z"], "", "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n", 1],
  [["get","-it"], "", "error: unknown shorthand flag: 'i' in -it\nSee 'kubectl get --help' for usage.\n", 1],
  [["get","-n"], "", "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n", 1],
  [["get","--namespace"], "", "error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.\n", 1],
  [["get","---x"], "", "error: bad flag syntax: ---x\nSee 'kubectl get --help' for usage.\n", 1],
  [["get","--replicas=abc"], "", "error: unknown flag: --replicas\nSee 'kubectl get --help' for usage.\n", 1],
  [["get","pods","--show-labels=maybe"], "", "error: invalid argument \"maybe\" for \"--show-labels\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nSee 'kubectl get --help' for usage.\n", 1],
  [["scale","deploy","x","--replicas=abc"], "", "error: invalid argument \"abc\" for \"--replicas\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\nSee 'kubectl scale --help' for usage.\n", 1],
  [["create","deployment","x","--image=nginx","--replicas=x"], "", "error: invalid argument \"x\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"x\": invalid syntax\nSee 'kubectl create deployment --help' for usage.\n", 1],
  [["wait","--timeout=abc"], "", "error: invalid argument \"abc\" for \"--timeout\" flag: time: invalid duration \"abc\"\nSee 'kubectl wait --help' for usage.\n", 1],
  [["run","x","--image"], "", "error: flag needs an argument: --image\nSee 'kubectl run --help' for usage.\n", 1],
  [["run","x","--generator=run-pod/v1","--image=nginx"], "", "error: unknown flag: --generator\nSee 'kubectl run --help' for usage.\n", 1],
  [["api-resources","--bogus"], "", "error: unknown flag: --bogus\nSee 'kubectl api-resources --help' for usage.\n", 1],
  [["get","pods","--request-timeout=abc"], "", "error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n", 1],
  [["get","pods","--context=foo"], "", "Error in configuration: context was not found for specified context: foo\n", 1],
  [["get"], "", "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n", 1],
  [["create"], "", "error: must specify one of -f and -k\n", 1],
  [["create","foo"], "", "error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n", 1],
  [["apply"], "", "error: must specify one of -f and -k\n", 1],
  [["apply","domain_http.yml"], "", "error: Unexpected args: [domain_http.yml]\nSee 'kubectl apply -h' for help and examples\n", 1],
  [["exec","kubia-3inly","env"], "", "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n", 1],
  [["replace"], "", "error: must specify one of -f and -k\n", 1],
  [["describe"], "", "error: You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n", 1],
  [["expose"], "", "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n", 1],
  [["exec"], "", "error: pod, type/name or --filename must be specified\n", 1],
  [["logs"], "", "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n", 1],
  [["run"], "", "error: required flag(s) \"image\" not set\n", 1],
  [["delete"], "", "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n", 1],
  [["label"], "", "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n", 1],
  [["annotate"], "", "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n", 1],
  [["patch"], "", "error: must specify --patch or --patch-file containing the contents of the patch\n", 1],
  [["wait"], "", "error: unrecognized condition: \"\"\n", 1],
  [["scale","deployment","x"], "", "error: required flag(s) \"replicas\" not set\n", 1],
  [["rollout","status"], "", "error: required resource not specified\n", 1],
  [["rollout","foo"], "", "error: unknown command \"foo\"\nSee 'kubectl rollout -h' for help and examples\n", 1],
  [["config","foo"], "", "error: unknown command \"foo\"\nSee 'kubectl config -h' for help and examples\n", 1],
  [["create","secret","foo","x"], "", "error: unknown command \"foo x\"\nSee 'kubectl create secret -h' for help and examples\n", 1],
  [["create","deployment"], "", "error: required flag(s) \"image\" not set\n", 1],
  [["create","deployment","a","b","--image=x"], "", "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n", 1],
  [["create","namespace"], "", "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n", 1],
  [["create","deployment","x","--image=nginx","--dry-run=bogus"], "", "error: Invalid dry-run value (bogus). Must be \"none\", \"server\", or \"client\".\n", 1],
  [["create","deployment","x","--image=nginx","-o","foo"], "", "error: unable to match a printer suitable for the output format \"foo\", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n", 1],
  [["create","service","clusterip","x","--dry-run=client"], "", "error: at least one tcp port specifier must be provided\n", 1],
  [["create","service","clusterip","x","--tcp=abc","--dry-run=client"], "", "error: strconv.ParseUint: parsing \"abc\": invalid syntax\n", 1],
  [["create","service","clusterip","x","--tcp=80:99999","--dry-run=client"], "", "error: must be between 1 and 65535, inclusive\n", 1],
  [["create","service","clusterip","x","--tcp=80:Bad_Name","--dry-run=client"], "", "error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)\n", 1],
  [["create","service","externalname","x","--external-name=Bad_Name","--dry-run=client"], "", "error: invalid service external name Bad_Name\n", 1],
  [["create","service","externalname","x","--dry-run=client"], "", "error: required flag(s) \"external-name\" not set\n", 1],
  [["create","configmap","c","--from-file=nope.txt","--dry-run=client"], "", "error: error reading nope.txt: no such file or directory\n", 1],
  [["create","configmap","c","--from-literal=abc","--dry-run=client"], "", "error: invalid literal source abc, expected key=value\n", 1],
  [["create","configmap","c","--from-literal=a=1","--from-literal=a=2","--dry-run=client"], "", "error: cannot add key \"a\", another key by that name already exists in Data for ConfigMap \"c\"\n", 1],
  [["create","configmap","c","--from-env-file=e.env","--dry-run=client"], "", "error: \"export D\" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n", 1],
  [["create","configmap","c","--from-env-file=bad.env","--from-literal=x=1","--dry-run=client"], "", "error: from-env-file cannot be combined with from-file or from-literal\n", 1],
  [["create","configmap","c","--from-file=k=cfg","--dry-run=client"], "", "error: cannot give a key name for a directory path\n", 1],
  [["create","secret","tls","t","--cert=cfg/a.txt","--key=cfg/a.txt","--dry-run=client"], "", "error: tls: failed to find any PEM data in certificate input\n", 1],
  [["create","secret","tls","t","--cert=nope","--key=cfg/a.txt","--dry-run=client"], "", "error: Cannot read file nope, open nope: no such file or directory\n", 1],
  [["create","secret","tls","t","--dry-run=client"], "", "error: key and cert must be specified\n", 1],
  [["create","ingress","i","--dry-run=client"], "", "error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)\n", 1],
  [["create","ingress","i","--rule=foo.com=svc:80","--dry-run=client"], "", "error: rule foo.com=svc:80 is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n", 1],
  [["version","--client","-o","xml"], "", "error: --output must be 'yaml' or 'json'\n", 1],
  [["version","foo"], "", "error: extra arguments: [foo]\n", 1],
  [["create","service","nodeport","x","--clusterip=None","--tcp=80"], "", "error: unknown flag: --clusterip\nSee 'kubectl create service nodeport --help' for usage.\n", 1],
];

const SVC = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-nginx\nspec:\n  ports:\n  - port: 80\n';

const SERVER_FILES = {
  'svc.yaml': SVC,
  'ing.yaml': 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: kubia\nspec: {}\n',
  'bad.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels: a: b\n',
  'nokind.yaml': 'metadata:\n  name: x\n',
  'list.yaml': '- a\n- b\n',
  'empty/readme.txt': 'not a manifest\n',
  'two.yaml': SVC + '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: other\nspec:\n  ports:\n  - port: [\n',
};

/** Objects every server-side case starts with. */
async function seed(host: FakeHost): Promise<void> {
  host.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } }, spec: { ports: [{ port: 80 }] } });
  host.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'noport', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'noport' } }, template: { metadata: { labels: { app: 'noport' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } });
  host.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'done', namespace: 'default' }, spec: { nodeName: 'kind-worker', containers: [{ name: 'c', image: 'busybox' }] }, status: { phase: 'Succeeded' } });
  host.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pending', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, status: { phase: 'Pending', conditions: [] } });
  host.api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'runner', namespace: 'default' },
    spec: { nodeName: 'kind-worker', containers: [{ name: 'c', image: 'nginx' }] },
    status: { phase: 'Running', containerStatuses: [{ name: 'c', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: { running: {} } }] },
  });
  host.execResults.set('runner/c', { stdout: '', stderr: 'ls: /nope: No such file or directory\n', exitCode: 2 });
}

function invalid(kind: string, name: string, causes: { field: string; message: string }[]): ApiError {
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    // The API server's message lists the causes (apimachinery errors.NewInvalid: "KIND \"NAME\" is invalid: field: msg").
    message: `${kind} "${name}" is invalid: ${causes.length === 1 ? `${causes[0].field}: ${causes[0].message}` : `[${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}]`}`,
    reason: 'Invalid',
    details: { name, kind, causes: causes.map((c) => ({ reason: 'FieldValueInvalid', ...c })) },
    code: 422,
  });
}

interface ServerCase {
  args: string[];
  source: string;
  stdout?: string;
  stderr: string;
  exitCode: number;
  before?: (host: FakeHost) => void;
}

const SERVER_SIDE: ServerCase[] = [
  { args: ['get', 'svc', 'nope'], source: 'apimachinery errors.NewNotFound; kubectl StandardErrorMessage', stderr: 'Error from server (NotFound): services "nope" not found\n', exitCode: 1 },
  { args: ['get', 'deploy', 'nope'], source: 'apimachinery errors.NewNotFound (group-qualified resource)', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 },
  { args: ['get', 'svc', 'a', 'b'], source: 'kubectl checkErr MultipleErrors', stderr: 'Error from server (NotFound): services "a" not found\nError from server (NotFound): services "b" not found\n', exitCode: 1 },
  { args: ['delete', 'svc', 'nope'], source: 'kubectl delete.go; apimachinery NewNotFound', stderr: 'Error from server (NotFound): services "nope" not found\n', exitCode: 1 },
  { args: ['describe', 'svc', 'zz'], source: 'kubectl describe.go DescribeMatchingResources returns the original error', stderr: 'Error from server (NotFound): services "zz" not found\n', exitCode: 1 },
  { args: ['get', 'foo'], source: 'cli-runtime builder.go mappingFor', stderr: 'error: the server doesn\'t have a resource type "foo"\n', exitCode: 1 },
  { args: ['delete', 'foo', 'x'], source: 'cli-runtime builder.go mappingFor', stderr: 'error: the server doesn\'t have a resource type "foo"\n', exitCode: 1 },
  { args: ['get', 'svc/web', 'pods'], source: 'cli-runtime builder.go hasCombinedTypeArgs', stderr: "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n", exitCode: 1 },
  { args: ['get', 'svc/a/b'], source: 'cli-runtime builder.go splitResourceTypeName', stderr: 'error: arguments in resource/name form may not have more than one slash\n', exitCode: 1 },
  { args: ['get', 'svc', 'web', '-A'], source: 'cli-runtime builder.go visitorResult', stderr: 'error: a resource cannot be retrieved by name across all namespaces\n', exitCode: 1 },
  { args: ['get', 'svc', 'web', '-l', 'app=web'], source: 'cli-runtime builder.go visitorResult', stderr: 'error: name cannot be provided when a selector is specified\n', exitCode: 1 },
  { args: ['delete', 'pods'], source: 'cli-runtime builder.go visitorResult', stderr: 'error: resource(s) were provided, but no name was specified\n', exitCode: 1 },
  { args: ['delete', 'pods', '--all', '-l', 'a=b'], source: 'kubectl delete.go Validate', stderr: 'error: cannot set --all and --selector at the same time\n', exitCode: 1 },
  { args: ['delete', 'pod', 'runner', '--now', '--grace-period=5'], source: 'kubectl delete.go Complete', stderr: 'error: --now and --grace-period cannot be specified together\n', exitCode: 1 },
  { args: ['delete', 'pod', 'runner', '--force', '--grace-period=5'], source: 'kubectl delete.go Validate', stderr: 'error: --force and --grace-period greater than 0 cannot be specified together\n', exitCode: 1 },
  { args: ['delete', 'svc', 'web', '-o', 'yaml'], source: 'kubectl delete.go Validate', stderr: "error: unexpected -o output mode: yaml. We only support '-o name'\n", exitCode: 1 },
  { args: ['delete', 'svc', 'web', '--cascade=sideways'], source: 'kubectl cmd/util GetCascadingStrategy', stderr: 'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan".\n', exitCode: 1 },
  { args: ['create', '-f', 'svc.yaml'], source: 'kubectl AddSourceToErr; apimachinery NewAlreadyExists', before: (h) => h.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'my-nginx' }, spec: {} }), stderr: 'Error from server (AlreadyExists): error when creating "svc.yaml": services "my-nginx" already exists\n', exitCode: 1 },
  { args: ['create', 'service', 'clusterip', 'web', '--tcp=80'], source: 'create_service.go wraps NewAlreadyExists; kubectl 1.31.9 against the reference cluster (kube-apiserver v1.31.4)', stderr: 'error: failed to create ClusterIP service: services "web" already exists\n', exitCode: 1 },
  { args: ['create', 'ingress', 'i', '--rule=foo.com/=svc:80', '-n', 'nope'], source: 'kubectl create_ingress.go Run wraps the error', stderr: 'error: failed to create ingress: namespaces "nope" not found\n', exitCode: 1 },
  { args: ['create', 'deployment', 'x', '--image=nginx', '-n', 'nope'], source: 'apiserver NamespaceLifecycle admission', stderr: 'Error from server (NotFound): namespaces "nope" not found\n', exitCode: 1 },
  { args: ['apply', '-f', 'ing.yaml'], source: 'cli-runtime mapper.go; kubectl 1.31 text', stderr: 'error: resource mapping not found for name: "kubia" namespace: "" from "ing.yaml": no matches for kind "Ingress" in version "extensions/v1beta1"\nensure CRDs are installed first\n', exitCode: 1 },
  { args: ['apply', '-f', 'bad.yaml'], source: 'kubectl 1.31 binary on this machine', stderr: 'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n', exitCode: 1 },
  { args: ['apply', '-f', 'nokind.yaml'], source: 'kubectl 1.31 binary on this machine', stderr: 'error: error validating "nokind.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n', exitCode: 1 },
  { args: ['apply', '-f', 'list.yaml'], source: 'kubectl 1.31 binary on this machine', stderr: 'error: error validating "list.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false\n', exitCode: 1 },
  { args: ['apply', '-f', 'missing.yaml'], source: 'kubectl 1.31 binary on this machine', stderr: 'error: the path "missing.yaml" does not exist\n', exitCode: 1 },
  { args: ['apply', '-f', 'empty'], source: 'kubectl 1.31 binary on this machine', stderr: 'error: error reading [empty]: recognized file extensions are [.json .yaml .yml]\n', exitCode: 1 },
  { args: ['apply', '-f', 'two.yaml'], source: "kubectl apply.go applies the decoded documents; the line and text from the 1.31 binary on the second document alone", stdout: 'service/my-nginx created\n', stderr: "error: error parsing two.yaml: error converting YAML to JSON: yaml: line 7: did not find expected node content\n", exitCode: 1 },
  {
    args: ['apply', '-f', 'svc.yaml'],
    source: 'kubectl helpers.go checkErr (IsInvalid, one cause); FIDELITY §3',
    before: (h) => (h.api.failNextWrite = invalid('Service', 'my-nginx', [{ field: 'spec.ports[0].nodePort', message: 'Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767' }])),
    stderr: 'The Service "my-nginx" is invalid: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    exitCode: 1,
  },
  {
    args: ['create', '-f', 'svc.yaml'],
    source: 'kubectl helpers.go checkErr (IsInvalid, MultilineError with several causes); FIDELITY §3',
    before: (h) =>
      (h.api.failNextWrite = invalid('Service', 'my-nginx', [
        { field: 'spec.ports[1].name', message: 'Required value' },
        { field: 'spec.ports[0].nodePort', message: "Forbidden: may not be used when `type` is 'ClusterIP'" },
      ])),
    stderr: 'The Service "my-nginx" is invalid: \n* spec.ports[1].name: Required value\n* spec.ports[0].nodePort: Forbidden: may not be used when `type` is \'ClusterIP\'\n',
    exitCode: 1,
  },
  {
    args: ['create', 'service', 'nodeport', 'other', '--tcp=80:8080', '--node-port=29999'],
    source: 'kubectl v0.31.4 pkg/cmd/create/create_service.go wraps the server error ("failed to create %s service: %v"); seen from kubectl 1.31.9 against the reference cluster (kube-apiserver v1.31.4)',
    before: (h) => (h.api.failNextWrite = invalid('Service', 'other', [{ field: 'spec.ports[0].nodePort', message: 'Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767' }])),
    stderr: 'error: failed to create NodePort service: Service "other" is invalid: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    exitCode: 1,
  },
  { args: ['scale', 'svc', 'web', '--replicas=2'], source: 'apiserver: no scale subresource for services', stderr: 'Error from server (NotFound): the server could not find the requested resource\n', exitCode: 1 },
  { args: ['scale', 'deploy', 'noport', '--replicas=-1'], source: 'kubectl scale.go Validate', stderr: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n', exitCode: 1 },
  { args: ['scale', 'deploy', 'noport', '--replicas=3', '--current-replicas=2'], source: 'kubectl pkg/scale PreconditionError', stderr: 'error: Expected replicas to be 2, was 1\n', exitCode: 1 },
  { args: ['label', 'svc', 'web', 'app=other'], source: 'kubectl label.go validateNoOverwrites', stderr: "error: 'app' already has a value (web), and --overwrite is false\n", exitCode: 1 },
  { args: ['annotate', 'svc', 'web'], source: 'kubectl annotate.go Validate', stderr: 'error: at least one annotation update is required\n', exitCode: 1 },
  { args: ['label', 'svc', 'web', 'a=b', 'pods'], source: 'kubectl cmd/util GetResourcesAndPairs', stderr: 'error: all resources must be specified before label changes: pods\n', exitCode: 1 },
  { args: ['expose', 'deploy', 'noport'], source: 'kubectl expose.go', stderr: "error: couldn't find port via --port flag or introspection\n", exitCode: 1 },
  { args: ['expose', 'configmap', 'x'], source: 'apimachinery NewNotFound', stderr: 'Error from server (NotFound): configmaps "x" not found\n', exitCode: 1 },
  { args: ['exec', 'ghost', '--', 'ls'], source: 'apimachinery NewNotFound', stderr: 'Error from server (NotFound): pods "ghost" not found\n', exitCode: 1 },
  { args: ['exec', 'done', '--', 'ls'], source: 'kubectl exec.go Run', stderr: 'error: cannot exec into a container in a completed pod; current phase is Succeeded\n', exitCode: 1 },
  { args: ['exec', 'runner', '--', 'ls', '/nope'], source: 'kubectl helpers.go checkErr utilexec.ExitError', stderr: 'ls: /nope: No such file or directory\ncommand terminated with exit code 2\n', exitCode: 2 },
  { args: ['exec', 'runner'], source: 'kubectl exec.go Complete', stderr: 'error: you must specify at least one command for the container\n', exitCode: 1 },
  { args: ['exec', 'runner', '-c', 'nope', '--', 'ls'], source: 'kubelet/apiserver: container not valid', stderr: 'Error from server (BadRequest): container nope is not valid for pod runner\n', exitCode: 1 },
  { args: ['logs', 'pending'], source: 'apiserver pod log REST: container waiting', stderr: 'Error from server (BadRequest): container "c" in pod "pending" is waiting to start: ContainerCreating\n', exitCode: 1 },
  { args: ['wait', '--for=condition=Ready', 'pod/pending', '--timeout=5s'], source: 'kubectl wait.go', stderr: 'error: timed out waiting for the condition on pods/pending\n', exitCode: 1 },
  { args: ['wait', '--for=bogus', 'pod/pending'], source: 'kubectl wait.go conditionFuncFor', stderr: 'error: unrecognized condition: "bogus"\n', exitCode: 1 },
  { args: ['rollout', 'status', 'svc/web'], source: 'kubectl polymorphichelpers StatusViewerFor', stderr: 'error: no status viewer has been implemented for Service\n', exitCode: 1 },
  { args: ['patch', 'svc', 'web', '-p', '{}', '--type', 'foo'], source: 'kubectl patch.go Validate', stderr: 'error: --type must be one of [json merge strategic], not "foo"\n', exitCode: 1 },
  { args: ['patch', 'svc', 'web', '-p', '{}', '--patch-file', 'p.yaml'], source: 'kubectl patch.go Validate', stderr: 'error: both patch and patch-file cannot be specified\n', exitCode: 1 },
  { args: ['top', 'pods'], source: 'kubectl top_pod.go: no metrics-server on kind', stderr: 'error: Metrics API not available\n', exitCode: 1 },
  { args: ['run', 'x', '--image=nginx', '-t'], source: 'kubectl run.go Run', stderr: "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n", exitCode: 1 },
  { args: ['run', 'x', '--image=nginx', '--rm'], source: 'kubectl run.go Run', stderr: "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n", exitCode: 1 },
  { args: ['run', 'x', '--image=nginx', '--restart=Sometimes'], source: 'kubectl run.go getRestartPolicy', stderr: "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n", exitCode: 1 },
  { args: ['run', 'x', '--image=nginx', '--expose'], source: 'kubectl run.go Run', stderr: "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n", exitCode: 1 },
  { args: ['run', 'x', '--image=nginx', '-i', '--dry-run=client'], source: 'kubectl run.go Run', stderr: "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n", exitCode: 1 },
];

describe('bad inputs: client side (recorded from the kubectl 1.31.9 binary)', () => {
  for (const [args, stdout, stderr, exitCode] of CLIENT_SIDE) {
    it(args.join(' '), async () => {
      const host = createFakeHost(CLIENT_FILES);
      const got = await host.kubectl(args);
      expect(got).to.deep.equal({ stdout, stderr, exitCode });
    });
  }
});

describe('bad inputs: server side and resource handling', () => {
  for (const c of SERVER_SIDE) {
    it(`${c.args.join(' ')}  [${c.source}]`, async () => {
      const host = createFakeHost({ ...SERVER_FILES, 'p.yaml': '{}' });
      await seed(host);
      c.before?.(host);
      const got = await host.kubectl(c.args);
      expect(got).to.deep.equal({ stdout: c.stdout ?? '', stderr: c.stderr, exitCode: c.exitCode });
    });
  }

  it('holds at least 60 cases', () => {
    expect(CLIENT_SIDE.length + SERVER_SIDE.length).to.be.at.least(60);
  });
});
