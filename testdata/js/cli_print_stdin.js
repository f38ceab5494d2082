// Case: gonode -p - < cli_print_stdin.js: -p prints the value of a script
// read from stdin.
[1, 2].length * 21 + Number(process.argv.length === 1)
