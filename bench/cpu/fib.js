function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
const t = Date.now(); const r = fib(27); console.log('fib27', r, Date.now() - t, 'ms');
