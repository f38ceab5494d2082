'use strict';
// emitKeypressEvents(stream): decode the terminal input arriving as 'data'
// into 'keypress' events (str, key) with key = { sequence, name, ctrl,
// meta, shift, code }. Escape sequences split across chunks are put back
// together; a lone ESC becomes the escape key after escapeCodeTimeout.

const { StringDecoder } = require('string_decoder');

const kKeypressDecoder = Symbol('keypress-decoder');
const kKeysPending = Symbol('kKeysPending');
const kEscapeCodeTimeout = 500;
const ESC = '\x1b';

// Names of the CSI/SS3 sequences, by their code (modifiers removed).
const keyNames = {
  // xterm/gnome ESC O letter and ESC [ letter
  OP: 'f1', OQ: 'f2', OR: 'f3', OS: 'f4',
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4',
  '[[A': 'f1', '[[B': 'f2', '[[C': 'f3', '[[D': 'f4', '[[E': 'f5',
  '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8', '[20~': 'f9', '[21~': 'f10',
  '[23~': 'f11', '[24~': 'f12',
  '[P': 'f1', '[Q': 'f2', '[R': 'f3', '[S': 'f4',
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear', '[F': 'end', '[H': 'home',
  OA: 'up', OB: 'down', OC: 'right', OD: 'left', OE: 'clear', OF: 'end', OH: 'home',
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end', '[5~': 'pageup', '[6~': 'pagedown',
  '[[5~': 'pageup', '[[6~': 'pagedown', '[7~': 'home', '[8~': 'end',
  // rxvt with shift
  '[a': 'up', '[b': 'down', '[c': 'right', '[d': 'left', '[e': 'clear',
  '[2$': 'insert', '[3$': 'delete', '[5$': 'pageup', '[6$': 'pagedown', '[7$': 'home', '[8$': 'end',
  // rxvt with ctrl
  Oa: 'up', Ob: 'down', Oc: 'right', Od: 'left', Oe: 'clear',
  '[2^': 'insert', '[3^': 'delete', '[5^': 'pageup', '[6^': 'pagedown', '[7^': 'home', '[8^': 'end',
  '[Z': 'tab',
  '[200~': 'paste-start', '[201~': 'paste-end',
};
const shiftCodes = new Set(['[a', '[b', '[c', '[d', '[e', '[2$', '[3$', '[5$', '[6$', '[7$', '[8$', '[Z']);
const ctrlCodes = new Set(['Oa', 'Ob', 'Oc', 'Od', 'Oe', '[2^', '[3^', '[5^', '[6^', '[7^', '[8^']);

function isDigit(c) {
  return c >= '0' && c <= '9';
}

// parseEscape reads the escape sequence at s[i] (an ESC). It returns
// { end, key, str } or null when s ends before the sequence does.
function parseEscape(s, i) {
  let j = i + 1;
  let escaped = false;
  if (j >= s.length) return null;
  if (s[j] === ESC) {
    // ESC ESC: a meta-prefixed sequence (or two escapes).
    escaped = true;
    j++;
    if (j >= s.length) return null;
  }
  const c = s[j];
  if (c === 'O' || c === '[') {
    // SS3 or CSI: ESC O [mod] letter, ESC [ [ letter, ESC [ params final.
    let k = j + 1;
    if (k >= s.length) {
      if (c === 'O') return null;
      return null;
    }
    let code;
    let modifier = 0;
    if (c === 'O') {
      let digits = '';
      while (k < s.length && isDigit(s[k])) digits += s[k++];
      if (k >= s.length) return null;
      modifier = digits ? Number(digits) - 1 : 0;
      code = 'O' + s[k];
      k++;
    } else if (s[k] === '[') {
      // linux console: ESC [ [ letter, or ESC [ [ digits ~
      k++;
      let digits = '';
      while (k < s.length && isDigit(s[k])) digits += s[k++];
      if (k >= s.length) return null;
      code = '[[' + digits + s[k];
      k++;
    } else {
      let params = '';
      while (k < s.length && (isDigit(s[k]) || s[k] === ';')) params += s[k++];
      if (k >= s.length) return null;
      const final = s[k];
      k++;
      const parts = params.split(';');
      if (final === '~' || final === '^' || final === '$') {
        code = '[' + parts[0] + final;
        if (parts.length > 1) modifier = (Number(parts[1]) || 1) - 1;
      } else if (parts.length > 1) {
        // ESC [ 1 ; mod letter
        code = '[' + final;
        modifier = (Number(parts[1]) || 1) - 1;
      } else if (parts[0].length === 1) {
        // ESC [ mod letter
        code = '[' + final;
        modifier = (Number(parts[0]) || 1) - 1;
      } else {
        // Anything else (ESC [ 31 m...) keeps its parameters in the code.
        code = '[' + params + final;
      }
    }
    const key = {
      sequence: s.slice(i, k),
      name: keyNames[code],
      ctrl: !!(modifier & 4) || ctrlCodes.has(code),
      meta: !!(modifier & 10),
      shift: !!(modifier & 1) || shiftCodes.has(code),
      code,
    };
    if (key.name === undefined) key.name = 'undefined';
    return { end: k, key, str: undefined };
  }
  // ESC followed by a plain key: that key with meta.
  const cp = s.codePointAt(j);
  const ch = String.fromCodePoint(cp);
  const key = plainKey(ch);
  key.sequence = s.slice(i, j + ch.length);
  key.meta = true;
  if (escaped) key.meta = true;
  return { end: j + ch.length, key, str: undefined };
}

// plainKey names one character typed on its own.
function plainKey(ch) {
  const key = { sequence: ch, name: undefined, ctrl: false, meta: false, shift: false };
  if (ch === '\r') key.name = 'return';
  else if (ch === '\n') key.name = 'enter';
  else if (ch === '\t') key.name = 'tab';
  else if (ch === '\b' || ch === '\x7f') key.name = 'backspace';
  else if (ch === ESC) key.name = 'escape';
  else if (ch === ' ') key.name = 'space';
  else if (ch <= '\x1a' && ch !== '\0') {
    key.name = String.fromCharCode(ch.charCodeAt(0) + 96);
    key.ctrl = true;
  } else if (/^[0-9A-Za-z]$/.test(ch)) {
    key.name = ch.toLowerCase();
    key.shift = ch >= 'A' && ch <= 'Z';
  }
  return key;
}

// KeyDecoder turns input text into keys, keeping an unfinished escape
// sequence for the next chunk.
class KeyDecoder {
  constructor(emit, timeout = kEscapeCodeTimeout) {
    this.emit = emit;
    this.pending = '';
    this.timer = null;
    this.timeout = timeout;
  }

  write(s) {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    s = this.pending + s;
    this.pending = '';
    let i = 0;
    while (i < s.length) {
      if (s[i] === ESC) {
        const r = parseEscape(s, i);
        if (r === null) {
          this.pending = s.slice(i);
          this.timer = setTimeout(() => this.flush(), this.timeout);
          return;
        }
        i = r.end;
        this.emit(r.str, r.key, i < s.length);
        continue;
      }
      const cp = s.codePointAt(i);
      const ch = String.fromCodePoint(cp);
      i += ch.length;
      this.emit(ch, plainKey(ch), i < s.length);
    }
  }

  // flush emits what is pending as it stands (the escape key, then the
  // rest as plain keys).
  flush() {
    this.timer = null;
    const s = this.pending;
    this.pending = '';
    if (s.length === 0) return;
    if (s[0] === ESC) {
      let rest = s.slice(1);
      let escaped = false;
      if (rest[0] === ESC) {
        escaped = true;
        rest = rest.slice(1);
      }
      void escaped;
      this.emit(undefined, { sequence: ESC, name: 'escape', ctrl: false, meta: true, shift: false });
      if (rest) this.write(rest);
      return;
    }
    this.write(s);
  }
}

// emitKeypressEvents makes stream emit 'keypress' events once something
// listens for them.
function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;
  const timeout = iface.escapeCodeTimeout ?? kEscapeCodeTimeout;
  const textDecoder = new StringDecoder('utf8');
  const keys = new KeyDecoder((s, key, more) => {
    // kKeysPending tells a readline Interface that more keys of the same
    // chunk follow (it then echoes typed text without redrawing the line,
    // as node does).
    stream[kKeysPending] = more;
    try {
      stream.emit('keypress', s, key);
    } finally {
      stream[kKeysPending] = false;
    }
  }, timeout);
  stream[kKeypressDecoder] = keys;

  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      const s = typeof input === 'string' ? input : textDecoder.write(input);
      if (s) keys.write(s);
    } else {
      // Nobody listens any more: wait for the next listener.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
    }
  }

  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }

  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  else stream.on('newListener', onNewListener);
}

module.exports = { emitKeypressEvents, KeyDecoder, kKeysPending };
