// Package behaviour holds gonode's JS behaviour tests: every script in
// testdata/js is run under the gonode binary and its stdout, stderr and
// exit code are compared with what node produced for the same script (see
// behaviour_test.go and testdata/js/regen.sh).
package behaviour
