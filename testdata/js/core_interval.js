'use strict';
// setInterval repeats until clearInterval (also from inside its callback).
let n = 0;
const iv = setInterval((tag) => {
  n++;
  console.log(tag, n);
  if (n === 3) {
    clearInterval(iv);
    setTimeout(() => console.log('done, n =', n), 30);
  }
}, 5, 'tick');
