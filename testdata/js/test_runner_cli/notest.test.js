'use strict';
console.log('no tests in this file');
