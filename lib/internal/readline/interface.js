'use strict';
// The readline Interface shared by node:readline (callback question) and
// node:readline/promises (promise question): reads lines from an input
// stream, and in terminal mode edits the line with the keys (cursor
// movement, deletion, history) and echoes it to the output.

const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE, ERR_USE_AFTER_CLOSE },
} = require('internal/errors');
const { validateAbortSignal, validateArray, validateUint32 } = require('internal/validators');
const { getStringWidth, stripVTControlCharacters, inspect } = require('internal/util/inspect');
const { cursorTo, moveCursor, clearScreenDown } = require('internal/readline/callbacks');
const { emitKeypressEvents, kKeysPending } = require('internal/readline/emitKeypressEvents');
const { charLengthAt, charLengthLeft, wordLeftLength } = require('internal/readline/utils');

const kHistorySize = 30;
const kMaxLengthOfKillRing = 32;
const kMaxUndoRedoStackSize = 2048;
const kMinCrlfDelay = 100;
const kIteratorHighWaterMark = 1024;
const lineEnding = /\r?\n|\r(?!\n)|\u2028|\u2029/;
const rlBinding = internalBinding('readline');
const bufferBinding = internalBinding('buffer');
const { ENC_UTF8 } = require('internal/buffer');
// Where scanLines puts the line positions of a chunk (see the binding).
const lineInfo = new Int32Array(rlBinding.infoSlots);
const kInfoStart = 0;
const kInfoFirstEnd = 1;
const kInfoTail = 3;
const kInfoEndedCR = 4;
const kInfoFlags = 5;
const kFlagASCII = 2;
// Counts the changes that stop emitLines from calling a lone 'line'
// listener directly: questions asked of any interface (a question takes
// the next line) and 'line' listeners added or removed.
const lineChanges = new Int32Array(1);

const kQuestionCallback = Symbol('kQuestionCallback');
const kQuestionCancel = Symbol('kQuestionCancel');
const kQuestion = Symbol('kQuestion');
const kOldPrompt = Symbol('kOldPrompt');
const kPrompt = Symbol('_prompt');
const kLineBuffer = Symbol('_line_buffer');
const kDecoder = Symbol('_decoder');
const kSawReturnAt = Symbol('_sawReturnAt');
const kSubstringSearch = Symbol('kSubstringSearch');
const kOnLine = Symbol('kOnLine');
const kLineIterator = Symbol('line object stream');
const kKillRing = Symbol('_killRing');
const kAsyncCompleter = Symbol('kAsyncCompleter');

function isFullWidth(ch) {
  return getStringWidth(ch, false) === 2;
}

class Interface extends EventEmitter {
  #captureRejections = EventEmitter.captureRejections;
  #previousKey = null;
  #yanked = null;
  #undoStack = [];
  #redoStack = [];

  constructor(input, output, completer, terminal) {
    super();
    let history;
    let historySize;
    let removeHistoryDuplicates = false;
    let crlfDelay;
    let prompt = '> ';
    let signal;
    let tabSize = 8;
    let escapeCodeTimeout = 500;
    if (input?.input) {
      // An options object.
      output = input.output;
      completer = input.completer;
      terminal = input.terminal;
      history = input.history;
      historySize = input.historySize;
      signal = input.signal;
      if (input.tabSize !== undefined) {
        validateUint32(input.tabSize, 'tabSize', true);
        tabSize = input.tabSize;
      }
      removeHistoryDuplicates = input.removeHistoryDuplicates;
      if (input.prompt !== undefined) prompt = input.prompt;
      if (input.escapeCodeTimeout !== undefined) {
        if (Number.isFinite(input.escapeCodeTimeout) && input.escapeCodeTimeout > 0) {
          escapeCodeTimeout = input.escapeCodeTimeout;
        } else {
          throw new ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', escapeCodeTimeout);
        }
      }
      if (signal) validateAbortSignal(signal, 'options.signal');
      crlfDelay = input.crlfDelay;
      input = input.input;
    }
    if (completer !== undefined && typeof completer !== 'function') {
      throw new ERR_INVALID_ARG_VALUE('completer', completer);
    }
    if (history === undefined) {
      history = [];
    } else {
      validateArray(history, 'history');
    }
    if (historySize === undefined) historySize = kHistorySize;
    if (typeof historySize !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('historySize', 'number', historySize);
    }
    if (Number.isNaN(historySize) || historySize < 0) {
      throw new ERR_OUT_OF_RANGE('size', '>= 0', historySize);
    }
    if (terminal === undefined && !(output === null || output === undefined)) {
      terminal = !!output.isTTY;
    }

    this.line = '';
    this[kSubstringSearch] = null;
    this.output = output;
    this.input = input;
    this.history = history;
    this.historySize = historySize;
    this.removeHistoryDuplicates = !!removeHistoryDuplicates;
    this.crlfDelay = crlfDelay ? Math.max(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
    this.completer = completer;
    this.tabSize = tabSize;
    this.escapeCodeTimeout = escapeCodeTimeout;
    this.isCompletionEnabled = true;
    this.terminal = !!terminal;
    this[kSawReturnAt] = 0;
    this[kPrompt] = prompt;
    this[kQuestionCallback] = null;
    this[kOldPrompt] = prompt;
    this[kLineBuffer] = null;
    this[kLineIterator] = undefined;
    this[kKillRing] = [];

    const onData = (data) => this._normalWrite(data);
    const onEnd = () => {
      if (typeof this[kLineBuffer] === 'string' && this[kLineBuffer].length > 0) {
        this.emit('line', this[kLineBuffer]);
      }
      this.close();
    };
    const onError = (err) => this.emit('error', err);
    const onKeypress = (s, key) => {
      this._ttyWrite(s, key);
      if (key && key.sequence) {
        // A character typed right after a key: the key has been handled.
        const ch = key.sequence.codePointAt(0);
        if (ch >= 0xd800 && ch <= 0xdfff) this._refreshLine();
      }
    };
    const onTermEnd = () => {
      if (typeof this.line === 'string' && this.line.length > 0) this.emit('line', this.line);
      this.close();
    };
    const onResize = () => this._refreshLine();

    let onAborted;
    if (signal) {
      onAborted = () => this.close();
      if (signal.aborted) {
        process.nextTick(onAborted);
      } else {
        signal.addEventListener('abort', onAborted, { once: true });
      }
    }

    input.on('error', onError);
    if (!this.terminal) {
      this[kDecoder] = new StringDecoder('utf8');
      input.on('data', onData);
      input.on('end', onEnd);
      this.once('close', () => {
        input.removeListener('data', onData);
        input.removeListener('error', onError);
        input.removeListener('end', onEnd);
        if (onAborted) signal.removeEventListener('abort', onAborted);
      });
    } else {
      emitKeypressEvents(input, this);
      input.on('keypress', onKeypress);
      input.on('end', onTermEnd);
      this._setRawMode(true);
      this.cursor = 0;
      this.historyIndex = -1;
      this.prevRows = 0;
      if (output !== null && output !== undefined) output.on('resize', onResize);
      this.once('close', () => {
        input.removeListener('keypress', onKeypress);
        input.removeListener('error', onError);
        input.removeListener('end', onTermEnd);
        if (output !== null && output !== undefined) output.removeListener('resize', onResize);
        if (onAborted) signal.removeEventListener('abort', onAborted);
      });
    }
    input.resume();
  }

  get columns() {
    if (this.output && this.output.columns) return this.output.columns;
    return Infinity;
  }

  setPrompt(prompt) {
    this[kPrompt] = prompt;
  }

  getPrompt() {
    return this[kPrompt];
  }

  _setRawMode(mode) {
    const was = this.input.isRaw;
    if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
    return was;
  }

  prompt(preserveCursor) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this._refreshLine();
    } else {
      this._writeToOutput(this[kPrompt]);
    }
  }

  [kQuestion](query, cb) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this[kQuestionCallback]) {
      this.prompt();
    } else {
      this[kOldPrompt] = this[kPrompt];
      this.setPrompt(query);
      this[kQuestionCallback] = cb;
      lineChanges[0]++;
      this.prompt();
    }
  }

  [kQuestionCancel]() {
    if (this[kQuestionCallback]) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      this.clearLine();
    }
  }

  // The listener methods count the changes of 'line' listeners for
  // emitLines (once() and the removal of a once listener go through these).
  addListener(type, listener) {
    if (type === 'line') lineChanges[0]++;
    return super.addListener(type, listener);
  }

  on(type, listener) {
    if (type === 'line') lineChanges[0]++;
    return super.on(type, listener);
  }

  prependListener(type, listener) {
    if (type === 'line') lineChanges[0]++;
    return super.prependListener(type, listener);
  }

  removeListener(type, listener) {
    if (type === 'line') lineChanges[0]++;
    return super.removeListener(type, listener);
  }

  off(type, listener) {
    if (type === 'line') lineChanges[0]++;
    return super.off(type, listener);
  }

  removeAllListeners(type) {
    if (arguments.length === 0) {
      lineChanges[0]++;
      return super.removeAllListeners();
    }
    if (type === 'line') lineChanges[0]++;
    return super.removeAllListeners(type);
  }

  [kOnLine](line) {
    if (this[kQuestionCallback]) {
      const cb = this[kQuestionCallback];
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      cb(line);
      return;
    }
    // One 'line' listener and no rejection capture: call it directly, the
    // same as emit() would, without emit's generic argument handling
    // (this runs once per line).
    const handler = this._events?.line;
    if (typeof handler === 'function' && !this.#captureRejections) {
      handler.call(this, line);
      return;
    }
    this.emit('line', line);
  }

  _writeToOutput(s) {
    if (typeof s !== 'string') s = String(s);
    if (this.output !== null && this.output !== undefined) this.output.write(s);
  }

  _addHistory() {
    if (this.line.length === 0) return '';
    if (this.historySize === 0) return this.line;
    if (this.line.trim().length === 0) return this.line;
    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const i = this.history.indexOf(this.line);
        if (i !== -1) this.history.splice(i, 1);
      }
      this.history.unshift(this.line);
      if (this.history.length > this.historySize) this.history.pop();
    }
    this.historyIndex = -1;
    const line = this.history[0];
    this.emit('history', this.history);
    return line;
  }

  _refreshLine() {
    if (!this.terminal) return;
    const line = this[kPrompt] + this.line;
    const disp = this._getDisplayPos(line);
    const cursorPos = this.getCursorPos();
    if (this.prevRows > 0) moveCursor(this.output, 0, -this.prevRows);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this._writeToOutput(line);
    // Make the terminal allocate the next row when the line fills one.
    if (disp.cols === 0) this._writeToOutput(' ');
    cursorTo(this.output, cursorPos.cols);
    const diff = disp.rows - cursorPos.rows;
    if (diff > 0) moveCursor(this.output, 0, -diff);
    this.prevRows = cursorPos.rows;
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this._setRawMode(false);
    this.closed = true;
    this.emit('close');
  }

  pause() {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  write(d, key) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this.paused) this.resume();
    if (this.terminal) {
      this._ttyWrite(d, key);
    } else {
      this._normalWrite(d);
    }
  }

  // _normalWrite splits input text into lines. A '\r' ending one chunk
  // and a '\n' starting the next, within crlfDelay, are one line end.
  _normalWrite(b) {
    if (b === undefined) return;
    const skipLF = !!this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay;
    if (skipLF) this[kSawReturnAt] = 0;
    if (typeof b !== 'string' && b instanceof Uint8Array && this[kDecoder].lastNeed === 0) {
      this.#writeBytes(b, skipLF);
      return;
    }
    let string = typeof b === 'string' ? b : this[kDecoder].write(b);
    if (skipLF && string.charCodeAt(0) === 10) string = string.slice(1);
    if (this[kLineBuffer] !== null) {
      string = this[kLineBuffer] + string;
      this[kLineBuffer] = null;
    }
    // Text whose only line ends are '\n' (the common case) splits
    // natively; '\r', U+2028 and U+2029 need the full rule. (split() is
    // the fast way to look for a character here: the engine's includes()
    // and indexOf() scan strings slowly.)
    const simple = string.split('\r').length === 1 && string.split('\u2028').length === 1 &&
      string.split('\u2029').length === 1;
    const lines = simple ? string.split('\n') : string.split(lineEnding);
    if (lines.length === 1) {
      if (string) this[kLineBuffer] = string;
      return;
    }
    this[kSawReturnAt] = simple || !string.endsWith('\r') ? 0 : Date.now();
    const rest = lines.pop();
    this[kLineBuffer] = rest ? rest : null;
    this.#emitLines(lines, 0);
  }

  // #writeBytes is _normalWrite for bytes that start on a character
  // boundary: the binding finds the line ends and makes the strings of
  // the complete lines (calling a lone 'line' listener itself); only the
  // unfinished last line goes through the decoder.
  #writeBytes(b, skipLF) {
    rlBinding.scanLines(b, skipLF, lineInfo);
    const tail = lineInfo[kInfoTail];
    let rest = '';
    if (tail < b.length) {
      // ASCII ends on a character boundary: the decoder (which holds no
      // bytes here) would only copy it.
      rest = (lineInfo[kInfoFlags] & kFlagASCII) !== 0 ?
        bufferBinding.toString(b, ENC_UTF8, tail, b.length) : this[kDecoder].write(b.subarray(tail));
    }
    if (lineInfo[kInfoFirstEnd] < 0) {
      if (rest) this[kLineBuffer] = this[kLineBuffer] === null ? rest : this[kLineBuffer] + rest;
      return;
    }
    let first;
    if (this[kLineBuffer] !== null) {
      first = this[kLineBuffer] + bufferBinding.toString(b, ENC_UTF8, lineInfo[kInfoStart], lineInfo[kInfoFirstEnd]);
    }
    this[kSawReturnAt] = lineInfo[kInfoEndedCR] === 1 ? Date.now() : 0;
    this[kLineBuffer] = rest ? rest : null;
    let handler;
    if (this[kQuestionCallback] === null && !this.#captureRejections) {
      // One 'line' listener: the binding calls it for each line, for as
      // long as it stays the only one and no question waits for a line.
      handler = this._events?.line;
      if (typeof handler !== 'function') handler = undefined;
    }
    // The positions are read before any listener runs: a listener that
    // writes to this interface reuses lineInfo.
    const lines = rlBinding.emitLines(b, lineInfo, first, this, handler, lineChanges);
    if (lines !== undefined) this.#emitLines(lines, 0);
  }

  #emitLines(lines, i) {
    for (; i < lines.length; i++) {
      // kOnLine's fast path, inlined: this loop runs once per line.
      if (this[kQuestionCallback] === null && !this.#captureRejections) {
        const handler = this._events?.line;
        if (typeof handler === 'function') {
          handler.call(this, lines[i]);
          continue;
        }
      }
      this[kOnLine](lines[i]);
    }
  }

  _insertString(c) {
    this.#pushUndo();
    if (this.input?.[kKeysPending]) {
      // More keys of the same chunk follow: echo now, redraw later.
      this.line = this.line.slice(0, this.cursor) + c + this.line.slice(this.cursor);
      this.cursor += c.length;
      this._writeToOutput(c);
      return;
    }
    if (this.cursor < this.line.length) {
      this.line = this.line.slice(0, this.cursor) + c + this.line.slice(this.cursor);
      this.cursor += c.length;
      this._refreshLine();
    } else {
      const oldPos = this.getCursorPos();
      this.line += c;
      this.cursor += c.length;
      const newPos = this.getCursorPos();
      if (oldPos.rows < newPos.rows) {
        this._refreshLine();
      } else {
        this._writeToOutput(c);
      }
    }
  }

  // #formatCompletions lays the candidates out in columns as wide as the
  // longest plus two, as many per row as the terminal fits.
  // Empty strings among the candidates separate groups, shown apart.
  #formatCompletions(items) {
    const width = Math.max(...items.map((w) => getStringWidth(w))) + 2;
    let perRow = Math.floor(this.columns / width);
    if (!Number.isFinite(perRow) || perRow < 1) perRow = 1;
    const groups = [[]];
    for (const item of items) {
      if (item === '') groups.push([]);
      else groups[groups.length - 1].push(item);
    }
    let out = '\r\n';
    groups.forEach((group, gi) => {
      if (gi > 0) out += '\r\n';
      for (let i = 0; i < group.length; i += perRow) {
        const row = group.slice(i, i + perRow);
        for (let j = 0; j < row.length; j++) {
          out += row[j];
          if (j < row.length - 1) out += ' '.repeat(width - getStringWidth(row[j]));
        }
        out += '\r\n';
      }
    });
    return out + '\r\n';
  }

  _tabComplete(secondTab) {
    this.pause();
    const line = this.line.slice(0, this.cursor);
    const done = (err, value) => {
      this.resume();
      if (err) {
        this._writeToOutput(`Tab completion error: ${inspect(err)}`);
        return;
      }
      const [completions, completeOn] = value || [[], ''];
      if (!completions || completions.length === 0) return;
      const matches = completions.filter((c) => c);
      let prefix = matches[0] || '';
      for (const m of matches) {
        while (!m.startsWith(prefix)) prefix = prefix.slice(0, -1);
      }
      if (matches.length === 1 || prefix.length > completeOn.length) {
        this.#complete(matches.length === 1 ? matches[0] : prefix, completeOn);
        return;
      }
      // Nothing to add: a second tab in a row lists the candidates.
      if (!secondTab) return;
      this._writeToOutput(this.#formatCompletions(completions));
      this.prevRows = 0;
      this._refreshLine();
    };
    try {
      if (this[kAsyncCompleter]) {
        // readline/promises awaits the completer: the result is used a
        // microtask later even when it is not a promise.
        Promise.resolve(this.completer(line)).then((v) => done(null, v), done);
      } else if (this.completer.length === 2) {
        this.completer(line, done);
      } else {
        done(null, this.completer(line));
      }
    } catch (err) {
      done(err);
    }
  }

  // #complete puts text in place of completeOn before the cursor: typed
  // on when it extends it, otherwise replacing it.
  #complete(text, completeOn) {
    if (text.startsWith(completeOn)) {
      this._insertString(text.slice(completeOn.length));
      return;
    }
    const start = Math.max(0, this.cursor - completeOn.length);
    this.#pushUndo();
    this.line = this.line.slice(0, start) + text + this.line.slice(this.cursor);
    this.cursor = start + text.length;
    this._refreshLine();
  }

  _wordLeft() {
    if (this.cursor > 0) {
      this._moveCursor(-wordLeftLength(this.line.slice(0, this.cursor)) || -1);
    }
  }

  _wordRight() {
    if (this.cursor < this.line.length) {
      const trailing = this.line.slice(this.cursor);
      const m = /^(?:\s+|[^\w\s]+|\w+)\s*/.exec(trailing);
      this._moveCursor(m ? m[0].length : 1);
    }
  }

  _deleteLeft() {
    this.#pushUndo();
    if (this.cursor > 0 && this.line.length > 0) {
      const n = charLengthLeft(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor - n) + this.line.slice(this.cursor);
      this.cursor -= n;
      this._refreshLine();
    }
  }

  _deleteRight() {
    this.#pushUndo();
    if (this.cursor < this.line.length) {
      const n = charLengthAt(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + n);
      this._refreshLine();
    }
  }

  // Undo/redo: each edit first saves the line as it was.
  #pushUndo() {
    this.#undoStack.push({ line: this.line, cursor: this.cursor });
    if (this.#undoStack.length > kMaxUndoRedoStackSize) this.#undoStack.shift();
    this.#redoStack = [];
  }

  #undo() {
    if (this.#undoStack.length === 0) return;
    this.#redoStack.push({ line: this.line, cursor: this.cursor });
    const state = this.#undoStack.pop();
    this.line = state.line;
    this.cursor = state.cursor;
    this._refreshLine();
  }

  #redo() {
    if (this.#redoStack.length === 0) return;
    this.#undoStack.push({ line: this.line, cursor: this.cursor });
    const state = this.#redoStack.pop();
    this.line = state.line;
    this.cursor = state.cursor;
    this._refreshLine();
  }

  #pushKill(text) {
    if (!text) return;
    this[kKillRing].unshift(text);
    if (this[kKillRing].length > kMaxLengthOfKillRing) this[kKillRing].pop();
  }

  _deleteWordLeft() {
    this.#pushUndo();
    if (this.cursor > 0) {
      let leading = this.line.slice(0, this.cursor);
      const cut = wordLeftLength(leading) || 1;
      this.#pushKill(leading.slice(leading.length - cut));
      leading = leading.slice(0, leading.length - cut);
      this.line = leading + this.line.slice(this.cursor);
      this.cursor = leading.length;
      this._refreshLine();
    }
  }

  _deleteWordRight() {
    this.#pushUndo();
    if (this.cursor < this.line.length) {
      const trailing = this.line.slice(this.cursor);
      const m = /^(?:\s+|\W+|\w+)\s*/.exec(trailing);
      const cut = m ? m[0].length : 1;
      this.#pushKill(trailing.slice(0, cut));
      this.line = this.line.slice(0, this.cursor) + trailing.slice(cut);
      this._refreshLine();
    }
  }

  _deleteLineLeft() {
    this.#pushUndo();
    this.#pushKill(this.line.slice(0, this.cursor));
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
    this._refreshLine();
  }

  _deleteLineRight() {
    this.#pushUndo();
    this.#pushKill(this.line.slice(this.cursor));
    this.line = this.line.slice(0, this.cursor);
    this._refreshLine();
  }

  #yank() {
    if (this[kKillRing].length === 0) return;
    const text = this[kKillRing][0];
    this._insertString(text);
    this.#yanked = { index: 0, length: text.length };
  }

  // #yankPop replaces the text just yanked with the next older kill.
  #yankPop() {
    const y = this.#yanked;
    if (!y || this[kKillRing].length <= 1) return;
    const index = (y.index + 1) % this[kKillRing].length;
    const text = this[kKillRing][index];
    const start = this.cursor - y.length;
    this.line = this.line.slice(0, start) + text + this.line.slice(this.cursor);
    this.cursor = start + text.length;
    this.#yanked = { index, length: text.length };
    this._refreshLine();
  }

  clearLine() {
    this._moveCursor(+Infinity);
    this._writeToOutput('\r\n');
    this.line = '';
    this.cursor = 0;
    this.prevRows = 0;
  }

  _line() {
    const line = this._addHistory();
    this.#undoStack = [];
    this.#redoStack = [];
    this.clearLine();
    this[kOnLine](line);
  }

  _historyNext() {
    if (this.historyIndex >= 0) {
      const search = this[kSubstringSearch] || '';
      let index = this.historyIndex - 1;
      while (index >= 0 && (!this.history[index].startsWith(search) || this.line === this.history[index])) {
        index--;
      }
      this.line = index === -1 ? search : this.history[index];
      this.historyIndex = index;
      this.cursor = this.line.length;
      this._refreshLine();
    }
  }

  _historyPrev() {
    if (this.historyIndex < this.history.length && this.history.length) {
      const search = this[kSubstringSearch] || '';
      let index = this.historyIndex + 1;
      while (index < this.history.length &&
             (!this.history[index].startsWith(search) || this.line === this.history[index])) {
        index++;
      }
      if (index === this.history.length) {
        this.line = search;
      } else {
        this.line = this.history[index];
      }
      this.historyIndex = index;
      this.cursor = this.line.length;
      this._refreshLine();
    }
  }

  // _getDisplayPos: the rows and column the text ends at on the screen.
  _getDisplayPos(str) {
    let offset = 0;
    const col = this.columns;
    let rows = 0;
    str = stripVTControlCharacters(str);
    for (let i = 0; i < str.length; i++) {
      const code = str.charCodeAt(i);
      // Printable ASCII is one column wide: no width lookup (lines can be
      // long, and the cursor moves measure them twice).
      if (code >= 0x20 && code < 0x7f) {
        offset++;
        continue;
      }
      if (code === 0x0a) {
        rows += Math.ceil(offset / col) || 1;
        offset = 0;
        continue;
      }
      if (code === 0x09) {
        offset += this.tabSize - (offset % this.tabSize);
        continue;
      }
      let ch = str[i];
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < str.length) {
        const low = str.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          ch = str.slice(i, i + 2);
          i++;
        }
      }
      const width = getStringWidth(ch, false);
      if (width === 0 || width === 1) {
        offset += width;
      } else {
        if ((offset + 1) % col === 0) offset++;
        offset += 2;
      }
    }
    const cols = col === Infinity ? offset : offset % col;
    rows += col === Infinity ? 0 : (offset - cols) / col;
    return { cols, rows };
  }

  getCursorPos() {
    return this._getDisplayPos(this[kPrompt] + this.line.slice(0, this.cursor));
  }

  _getCursorPos() {
    return this.getCursorPos();
  }

  _onLine(line) {
    this[kOnLine](line);
  }

  _moveCursor(dx) {
    if (dx === 0) return;
    const oldPos = this.getCursorPos();
    this.cursor += dx;
    if (this.cursor < 0) this.cursor = 0;
    else if (this.cursor > this.line.length) this.cursor = this.line.length;
    const newPos = this.getCursorPos();
    if (oldPos.rows === newPos.rows) {
      moveCursor(this.output, newPos.cols - oldPos.cols, 0);
    } else {
      this._refreshLine();
    }
  }

  // _ttyWrite handles one key in terminal mode.
  _ttyWrite(s, key) {
    key = key || {};
    const previous = this.#previousKey;
    this.#previousKey = key;
    // Only a yank or yank-pop right before lets meta-y cycle the kills.
    const yanking = (key.ctrl && key.name === 'y') || (key.meta && key.name === 'y');
    if (!yanking) this.#yanked = null;
    if (key.name !== 'up' && key.name !== 'down') {
      if (this[kSubstringSearch] !== null && !(key.ctrl && (key.name === 'n' || key.name === 'p'))) {
        // Leaving a history search: the next search starts afresh.
        this.historyIndex = -1;
      }
      this[kSubstringSearch] = null;
    } else if (this[kSubstringSearch] === null) {
      this[kSubstringSearch] = this.line.slice(0, this.cursor);
    }
    if (key.sequence === '\x1f') {
      // ctrl-_ (ctrl-/ on most terminals)
      this.#undo();
      return;
    }
    if (key.sequence === '\x1e') {
      // ctrl-^
      this.#redo();
      return;
    }
    if (key.ctrl && key.shift) {
      switch (key.name) {
        case 'backspace':
          this._deleteLineLeft();
          break;
        case 'delete':
          this._deleteLineRight();
          break;
      }
    } else if (key.ctrl) {
      switch (key.name) {
        case 'c':
          if (this.listenerCount('SIGINT') > 0) {
            this.emit('SIGINT');
          } else {
            this.close();
          }
          break;
        case 'h':
          this._deleteLeft();
          break;
        case 'd':
          if (this.cursor === 0 && this.line.length === 0) {
            this.close();
          } else if (this.cursor < this.line.length) {
            this._deleteRight();
          }
          break;
        case 'u':
          this._deleteLineLeft();
          break;
        case 'k':
          this._deleteLineRight();
          break;
        case 'a':
          this._moveCursor(-Infinity);
          break;
        case 'e':
          this._moveCursor(+Infinity);
          break;
        case 'b':
          this._moveCursor(-charLengthLeft(this.line, this.cursor));
          break;
        case 'f':
          this._moveCursor(+charLengthAt(this.line, this.cursor));
          break;
        case 'l':
          cursorTo(this.output, 0, 0);
          clearScreenDown(this.output);
          this._refreshLine();
          break;
        case 'n':
          this._historyNext();
          break;
        case 'p':
          this._historyPrev();
          break;
        case 'y':
          this.#yank();
          break;
        case 'z':
          if (this.listenerCount('SIGTSTP') > 0) this.emit('SIGTSTP');
          break;
        case 'w':
        case 'backspace':
          this._deleteWordLeft();
          break;
        case 'delete':
          this._deleteWordRight();
          break;
        case 'left':
          this._wordLeft();
          break;
        case 'right':
          this._wordRight();
          break;
      }
    } else if (key.meta) {
      switch (key.name) {
        case 'b':
          this._wordLeft();
          break;
        case 'f':
          this._wordRight();
          break;
        case 'd':
        case 'delete':
          this._deleteWordRight();
          break;
        case 'backspace':
          this._deleteWordLeft();
          break;
        case 'y':
          this.#yankPop();
          break;
      }
    } else {
      if (this[kSawReturnAt] && key.name !== 'enter') this[kSawReturnAt] = 0;
      switch (key.name) {
        case 'return':
          this[kSawReturnAt] = Date.now();
          this._line();
          break;
        case 'enter':
          if (this[kSawReturnAt] === 0 || Date.now() - this[kSawReturnAt] > this.crlfDelay) {
            this._line();
          }
          this[kSawReturnAt] = 0;
          break;
        case 'backspace':
          this._deleteLeft();
          break;
        case 'delete':
          this._deleteRight();
          break;
        case 'left':
          this._moveCursor(-charLengthLeft(this.line, this.cursor));
          break;
        case 'right':
          this._moveCursor(+charLengthAt(this.line, this.cursor));
          break;
        case 'home':
          this._moveCursor(-Infinity);
          break;
        case 'end':
          this._moveCursor(+Infinity);
          break;
        case 'up':
          this._historyPrev();
          break;
        case 'down':
          this._historyNext();
          break;
        case 'tab':
          if (typeof this.completer === 'function' && this.isCompletionEnabled) {
            this._tabComplete(previous?.name === 'tab');
            break;
          }
        // falls through
        default:
          if (typeof s === 'string' && s) {
            // Pasted text may hold several lines.
            const lines = s.split(/\r\n|\n|\r/);
            for (let i = 0; i < lines.length; i++) {
              if (i > 0) this._line();
              if (lines[i]) this._insertString(lines[i]);
            }
          }
      }
    }
  }

  // Async iteration over the lines. Lines queue up while the consumer is
  // busy; past kIteratorHighWaterMark the input is paused until it drains.
  [Symbol.asyncIterator]() {
    if (this[kLineIterator] !== undefined) return this[kLineIterator];
    const queue = [];
    let head = 0;
    let waiting = null;
    let finished = this.closed;
    let failure = null;
    let pausedByUs = false;
    const onLine = (line) => {
      if (waiting) {
        const w = waiting;
        waiting = null;
        w.resolve({ value: line, done: false });
        return;
      }
      queue.push(line);
      if (queue.length - head > kIteratorHighWaterMark && !this.paused && !this.closed) {
        pausedByUs = true;
        this.pause();
      }
    };
    const onClose = () => {
      finished = true;
      cleanup();
      if (waiting) {
        const w = waiting;
        waiting = null;
        w.resolve({ value: undefined, done: true });
      }
    };
    const onError = (err) => {
      failure = err;
      cleanup();
      if (waiting) {
        const w = waiting;
        waiting = null;
        w.reject(err);
      }
    };
    const cleanup = () => {
      this.removeListener('line', onLine);
      this.removeListener('close', onClose);
      this.removeListener('error', onError);
    };
    this.on('line', onLine);
    this.on('close', onClose);
    this.on('error', onError);
    const iface = this;
    const iterator = {
      next() {
        if (head < queue.length) {
          const value = queue[head];
          queue[head++] = undefined;
          if (head === queue.length) {
            queue.length = 0;
            head = 0;
          } else if (head > 1024 && head * 2 > queue.length) {
            queue.splice(0, head);
            head = 0;
          }
          if (pausedByUs && queue.length - head === 0) {
            // Drained: read on.
            pausedByUs = false;
            if (!iface.closed) iface.resume();
          }
          return Promise.resolve({ value, done: false });
        }
        if (failure) {
          const err = failure;
          failure = null;
          finished = true;
          return Promise.reject(err);
        }
        if (finished) return Promise.resolve({ value: undefined, done: true });
        if (pausedByUs) {
          pausedByUs = false;
          if (!iface.closed) iface.resume();
        }
        return new Promise((resolve, reject) => {
          waiting = { resolve, reject };
        });
      },
      // Leaving the loop (break, return, throw) stops listening; as in
      // node, it does not close the interface.
      return() {
        finished = true;
        cleanup();
        queue.length = 0;
        head = 0;
        if (pausedByUs && !iface.closed) iface.resume();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw(err) {
        finished = true;
        cleanup();
        return Promise.reject(err);
      },
      [Symbol.asyncIterator]() { return this; },
      // The queue's state, for tests: node exposes it under this symbol.
      [Symbol.for('nodejs.watermarkData')]: {
        high: kIteratorHighWaterMark,
        low: 1,
        get size() { return queue.length - head; },
        get isPaused() { return pausedByUs; },
      },
    };
    this[kLineIterator] = iterator;
    return iterator;
  }
}

module.exports = {
  Interface,
  kQuestion,
  kQuestionCancel,
  kQuestionCallback,
  kOnLine,
  kAsyncCompleter,
  charLengthAt,
  charLengthLeft,
  isFullWidth,
};
