// Case: gonode --bogus-option cli_bad_option.js: node refuses with
// "bad option" and exit code 9, before running anything.
console.log('never runs');
