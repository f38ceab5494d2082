// Package all links every op package into a binary, so that each
// registers its binding.
package all

import (
	_ "github.com/gonode/gonode/internal/ops/fs"
	_ "github.com/gonode/gonode/internal/ops/os"
)
