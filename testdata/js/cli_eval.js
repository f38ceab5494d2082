// Case: gonode -e "<code>" a b  (this file only documents the case; see
// cli_eval.args). -e code runs as a script with require available and
// the rest of the command line in process.argv.
