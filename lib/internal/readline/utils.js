'use strict';
// Shared readline helpers: CSI builds ANSI control sequences (as a tagged
// template: CSI`${n}G`), with the clear sequences as constants.

const kEscape = '\x1b';

function CSI(strings, ...args) {
  let out = `${kEscape}[`;
  for (let i = 0; i < strings.length; i++) {
    out += strings[i];
    if (i < args.length) out += args[i];
  }
  return out;
}

CSI.kEscape = kEscape;
CSI.kClearToLineBeginning = CSI`1K`;
CSI.kClearToLineEnd = CSI`0K`;
CSI.kClearLine = CSI`2K`;
CSI.kClearScreenDown = CSI`0J`;

// charLengthLeft/At: how many UTF-16 code units the character before/at
// index i of str takes.
function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  const c = str.charCodeAt(i - 1);
  if (i > 1 && c >= 0xdc00 && c <= 0xdfff) {
    const h = str.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return 2;
  }
  return 1;
}

function charLengthAt(str, i) {
  if (str.length <= i) return 1;
  return str.codePointAt(i) >= 0x10000 ? 2 : 1;
}

module.exports = { CSI, kEscape, charLengthAt, charLengthLeft };
