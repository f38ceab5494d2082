// Package all links every op package into a binary, so that each
// registers its binding.
package all

import (
	_ "github.com/gonode/gonode/internal/module"
	_ "github.com/gonode/gonode/internal/ops/buffer"
	_ "github.com/gonode/gonode/internal/ops/crypto"
	_ "github.com/gonode/gonode/internal/ops/dns"
	_ "github.com/gonode/gonode/internal/ops/encoding"
	_ "github.com/gonode/gonode/internal/ops/fs"
	_ "github.com/gonode/gonode/internal/ops/http"
	_ "github.com/gonode/gonode/internal/ops/http2"
	_ "github.com/gonode/gonode/internal/ops/messaging"
	_ "github.com/gonode/gonode/internal/ops/os"
	_ "github.com/gonode/gonode/internal/ops/perf"
	_ "github.com/gonode/gonode/internal/ops/process"
	_ "github.com/gonode/gonode/internal/ops/readline"
	_ "github.com/gonode/gonode/internal/ops/sqlite"
	_ "github.com/gonode/gonode/internal/ops/streamwrap"
	_ "github.com/gonode/gonode/internal/ops/tcp"
	_ "github.com/gonode/gonode/internal/ops/tls"
	_ "github.com/gonode/gonode/internal/ops/udp"
	_ "github.com/gonode/gonode/internal/ops/url"
	_ "github.com/gonode/gonode/internal/ops/util"
	_ "github.com/gonode/gonode/internal/ops/uv"
	_ "github.com/gonode/gonode/internal/ops/v8"
	_ "github.com/gonode/gonode/internal/ops/wasm"
	_ "github.com/gonode/gonode/internal/ops/zlib"
)
