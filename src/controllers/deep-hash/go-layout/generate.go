// Command generate prints the Go type layout of a k8s.io/api core/v1 type (PodTemplateSpec, the
// default, or EndpointSubset), the input of go-layout-*-v1.31.ts. The pod-template-hash (pkg/controller/controller_utils.go ComputeHash)
// hashes go-spew's %#v text of the template, which lists every Go field in declaration order,
// so a faithful hash needs the field list of the Kubernetes version being imitated.
//
// Regenerate (outside the repo, Go toolchain needed):
//
//	mkdir /tmp/gen && cp generate.go /tmp/gen/main.go && cd /tmp/gen
//	go mod init gen && go get k8s.io/api@v0.31.0 && go mod tidy
//	go run . PodTemplateSpec > layout.txt   # then wrap as in go-layout-pod-template-v1.31.ts
//
//go:build ignore

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"

	v1 "k8s.io/api/core/v1"
)

type field struct {
	Name   string `json:"name"`
	Type   string `json:"type"`
	JSON   string `json:"json,omitempty"`
	Inline bool   `json:"inline,omitempty"`
}
type typeDef struct {
	Kind   string  `json:"kind"`
	Elem   string  `json:"elem,omitempty"`
	Key    string  `json:"key,omitempty"`
	Fields []field `json:"fields,omitempty"`
}

var types = map[string]typeDef{}
var pkgOf = map[string]string{}

func visit(t reflect.Type) string {
	name := t.String()
	if p, ok := pkgOf[name]; ok && p != t.PkgPath() {
		fmt.Fprintln(os.Stderr, "collision", name, p, t.PkgPath())
		os.Exit(1)
	}
	pkgOf[name] = t.PkgPath()
	if _, ok := types[name]; ok {
		return name
	}
	types[name] = typeDef{Kind: "pending"}
	var d typeDef
	switch t.Kind() {
	case reflect.Struct:
		d.Kind = "struct"
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			fd := field{Name: f.Name, Type: visit(f.Type)}
			tag := f.Tag.Get("json")
			parts := strings.Split(tag, ",")
			if tag != "-" && f.IsExported() {
				if parts[0] == "" && f.Anonymous {
					fd.Inline = true
				} else if parts[0] != "" {
					fd.JSON = parts[0]
				} else {
					fd.JSON = f.Name
				}
				for _, p := range parts[1:] {
					if p == "inline" {
						fd.Inline = true
						fd.JSON = ""
					}
				}
			}
			d.Fields = append(d.Fields, fd)
		}
	case reflect.Ptr:
		d.Kind = "ptr"
		d.Elem = visit(t.Elem())
	case reflect.Slice:
		d.Kind = "slice"
		d.Elem = visit(t.Elem())
	case reflect.Array:
		d.Kind = "array"
		d.Elem = visit(t.Elem())
	case reflect.Map:
		d.Kind = "map"
		d.Key = visit(t.Key())
		d.Elem = visit(t.Elem())
	default:
		d.Kind = t.Kind().String()
	}
	types[name] = d
	return name
}

func main() {
	roots := map[string]reflect.Type{
		"PodTemplateSpec": reflect.TypeOf(v1.PodTemplateSpec{}),
		"EndpointSubset":  reflect.TypeOf(v1.EndpointSubset{}),
	}
	which := "PodTemplateSpec"
	if len(os.Args) > 1 {
		which = os.Args[1]
	}
	root := visit(roots[which])
	names := make([]string, 0, len(types))
	for n := range types {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Printf("// root: %s\n", root)
	for _, n := range names {
		b, _ := json.Marshal(types[n])
		fmt.Printf("%q: %s,\n", n, b)
	}
}
