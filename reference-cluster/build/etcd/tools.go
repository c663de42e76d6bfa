//go:build tools

// The command this module builds.
package tools

import _ "go.etcd.io/etcd/server/v3"
