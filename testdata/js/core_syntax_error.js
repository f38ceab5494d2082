'use strict';
// A syntax error in the main file is reported with file and line; exit 1.
console.log('never printed');
const a = ;
