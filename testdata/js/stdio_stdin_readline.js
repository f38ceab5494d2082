'use strict';
// readline over process.stdin (input from stdio_stdin_readline.stdin):
// question() answered from stdin, then the remaining lines by async
// iteration; stdin is a stream.Readable that ends.
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: false });
console.log('terminal', rl.terminal, 'stdin isTTY', process.stdin.isTTY);
rl.question('what is your name? ', async (name) => {
  console.log(`\nhello ${name}`);
  let n = 0;
  for await (const line of rl) {
    n++;
    console.log(`line ${n}: ${JSON.stringify(line)}`);
  }
  console.log('done', n, 'stdin ended', process.stdin.readableEnded);
});
rl.on('close', () => console.log('close'));
