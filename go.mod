module github.com/gonode/gonode

go 1.26.8

require (
	github.com/andybalholm/brotli v1.2.0
	github.com/klauspost/compress v1.18.0
	github.com/tetratelabs/wazero v1.12.0
	golang.org/x/crypto v0.58.0
	modernc.org/libc v1.79.0
	modernc.org/libquickjs v0.14.0
)

require (
	golang.org/x/crypto/x509roots/fallback v0.0.0-20261030153154-30a33513ff6d
	modernc.org/sqlite v1.61.0
)

require (
	github.com/dustin/go-humanize v1.1.0 // indirect
	github.com/evanw/esbuild v0.27.7
	github.com/google/uuid v1.6.0 // indirect
	github.com/mattn/go-isatty v0.0.24 // indirect
	github.com/ncruces/go-strftime v1.1.0 // indirect
	github.com/remyoudompheng/bigfft v0.0.0-20230129092748-24d4a6f8daec // indirect
	golang.org/x/net v0.62.0
	golang.org/x/sys v0.49.0
	golang.org/x/text v0.43.0 // indirect
	modernc.org/mathutil v1.7.1 // indirect
	modernc.org/memory v1.12.1 // indirect
)
