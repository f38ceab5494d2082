'use strict';
// node:child_process: spawn, exec, execFile, fork and their synchronous
// forms, over lib/internal/child_process.js and the process_wrap binding.

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_CHILD_PROCESS_IPC_REQUIRED,
    ERR_CHILD_PROCESS_STDIO_MAXBUFFER, ERR_OUT_OF_RANGE,
  },
  AbortError,
} = require('internal/errors');
const {
  validateString, validateObject, validateFunction, validateInt32, validateBoolean, validateInteger,
  validateAbortSignal, convertToValidSignal,
} = require('internal/validators');
const { getSystemErrorName } = require('internal/util');
const internalCP = require('internal/child_process');
const { ChildProcess } = internalCP;

const MAX_BUFFER = 1024 * 1024;
const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

function toPath(p, name) {
  if (p === undefined || p === null) return p;
  if (typeof p === 'object' && p.href !== undefined && p.protocol !== undefined) {
    return require('url').fileURLToPath(p);
  }
  validateString(p, name);
  return p;
}

function validateNoNullBytes(s, name) {
  if (typeof s === 'string' && s.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, s, 'must be a string without null bytes');
  }
}

let shellArgsWarned = false;

// normalizeSpawnArguments validates (file, args, options) and returns the
// options for ChildProcess.spawn: file, args (argv[0] first), envPairs...
function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  validateNoNullBytes(file, 'file');
  if (file.length === 0) throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args === undefined || args === null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  for (let i = 0; i < args.length; i++) validateNoNullBytes(args[i], `args[${i}]`);
  if (options === undefined) options = { __proto__: null };
  else validateObject(options, 'options');
  // Own properties only: a polluted Object.prototype must not leak in.
  options = { __proto__: null, ...options };

  const cwd = toPath(options.cwd, 'options.cwd');
  if (cwd !== undefined && cwd !== null) validateNoNullBytes(cwd, 'options.cwd');
  if (options.detached !== undefined && options.detached !== null) validateBoolean(options.detached, 'options.detached');
  if (options.uid !== undefined && options.uid !== null) validateInt32(options.uid, 'options.uid');
  if (options.gid !== undefined && options.gid !== null) validateInt32(options.gid, 'options.gid');
  if (options.shell !== undefined && options.shell !== null && typeof options.shell !== 'boolean' &&
      typeof options.shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], options.shell);
  }
  if (options.argv0 !== undefined && options.argv0 !== null) {
    validateString(options.argv0, 'options.argv0');
    validateNoNullBytes(options.argv0, 'options.argv0');
  }
  if (options.windowsHide !== undefined && options.windowsHide !== null) validateBoolean(options.windowsHide, 'options.windowsHide');
  if (options.windowsVerbatimArguments !== undefined && options.windowsVerbatimArguments !== null) {
    validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  }

  if (options.shell) {
    validateNoNullBytes(options.shell, 'options.shell');
    if (args.length > 0 && !shellArgsWarned) {
      shellArgsWarned = true;
      process.emitWarning('Passing args to a child process with shell option true can lead to security ' +
        'vulnerabilities, as the arguments are not escaped, only concatenated.', 'DeprecationWarning', 'DEP0190');
    }
    const command = args.length ? `${file} ${args.join(' ')}` : file;
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  args.unshift(typeof options.argv0 === 'string' ? options.argv0 : file);

  const env = options.env || process.env;
  const envPairs = [];
  // Inherited keys count too, as in node.
  for (const key in env) {
    const value = env[key];
    if (value !== undefined) {
      validateNoNullBytes(key, `options.env['${key}']`);
      validateNoNullBytes(String(value), `options.env['${key}']`);
      envPairs.push(`${key}=${value}`);
    }
  }
  return { __proto__: null, ...options, args, cwd, detached: !!options.detached, envPairs, file, windowsHide: !!options.windowsHide };
}

function validateTimeout(timeout) {
  if (timeout !== undefined && timeout !== null) validateInteger(timeout, 'timeout', 0);
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer === undefined || maxBuffer === null) return;
  if (typeof maxBuffer !== 'number') throw new ERR_INVALID_ARG_TYPE('options.maxBuffer', 'number', maxBuffer);
  if (!(maxBuffer >= 0)) throw new ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer);
}

function spawn(file, args, options) {
  options = normalizeSpawnArguments(file, args, options);
  validateTimeout(options.timeout);
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  const killSignal = options.killSignal === undefined ? undefined : sanitizeKillSignal(options.killSignal);
  const child = new ChildProcess();
  child.spawn(options);
  if (options.timeout > 0) {
    let t = setTimeout(() => {
      if (t) {
        try { child.kill(killSignal); } catch (err) { child.emit('error', err); }
        t = null;
      }
    }, options.timeout);
    child.once('exit', () => { if (t) { clearTimeout(t); t = null; } });
  }
  if (options.signal) {
    const signal = options.signal;
    const onAbort = () => {
      if (child._id) {
        child.kill(killSignal);
        child.emit('error', new AbortError(undefined, { cause: signal.reason }));
      }
    };
    if (signal.aborted) process.nextTick(onAbort);
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

function sanitizeKillSignal(sig) {
  if (typeof sig === 'number') {
    const { signals } = require('internal/validators');
    if (!Object.values(signals).includes(sig)) {
      throw new (require('internal/errors').codes.ERR_UNKNOWN_SIGNAL)(sig);
    }
    return sig;
  }
  if (typeof sig === 'string') return convertToValidSignal(sig);
  if (sig !== undefined && sig !== null) throw new ERR_INVALID_ARG_TYPE('options.killSignal', ['string', 'number'], sig);
  return undefined;
}

function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command');
  validateNoNullBytes(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { __proto__: null, ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

function exec(command, options, callback) {
  const opts = normalizeExecArgs(command, options, callback);
  return execFile(opts.file, opts.options, opts.callback);
}

function execFile(file, args, options, callback) {
  if (args !== null && args !== undefined && typeof args === 'object' && !Array.isArray(args)) {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }
  if (typeof options === 'function') {
    callback = options;
    options = null;
  } else if (options !== null && options !== undefined) {
    validateObject(options, 'options');
  }
  if (callback !== undefined && callback !== null) validateFunction(callback, 'callback');
  options = {
    __proto__: null,
    encoding: 'utf8', timeout: 0, maxBuffer: MAX_BUFFER, killSignal: 'SIGTERM',
    cwd: null, env: null, shell: false, ...options,
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);

  const child = spawn(file, args, {
    cwd: options.cwd, env: options.env, gid: options.gid, shell: options.shell, signal: options.signal,
    uid: options.uid, windowsHide: !!options.windowsHide, argv0: options.argv0,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  });

  let encoding;
  const _stdout = [];
  const _stderr = [];
  if (options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding)) encoding = options.encoding;
  else encoding = null;
  let stdoutLen = 0;
  let stderrLen = 0;
  let killed = false;
  let exited = false;
  let timeoutId;
  let ex = null;
  let cmd = file;

  function exithandler(code, signal) {
    if (exited) return;
    exited = true;
    if (timeoutId) {
      clearTimeout(timeoutId);
      timeoutId = null;
    }
    if (!callback) return;
    let stdout, stderr;
    if (encoding || (child.stdout && child.stdout.readableEncoding)) stdout = _stdout.join('');
    else stdout = Buffer.concat(_stdout);
    if (encoding || (child.stderr && child.stderr.readableEncoding)) stderr = _stderr.join('');
    else stderr = Buffer.concat(_stderr);
    if (!ex && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    if (args && args.length) cmd += ` ${args.join(' ')}`;
    if (!ex) {
      ex = new Error(`Command failed: ${cmd}\n${stderr}`);
      ex.code = code < 0 ? getSystemErrorName(code) : code;
      ex.killed = child.killed || killed;
      ex.signal = signal;
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }

  function errorhandler(e) {
    ex = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    exithandler();
  }

  function kill() {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    killed = true;
    try {
      child.kill(options.killSignal);
    } catch (e) {
      ex = e;
      exithandler();
    }
  }

  if (options.timeout > 0) {
    timeoutId = setTimeout(() => {
      kill();
      timeoutId = null;
    }, options.timeout);
  }

  function collect(stream, chunks, which) {
    if (!stream) return;
    if (encoding) stream.setEncoding(encoding);
    stream.on('data', (chunk) => {
      const prev = which === 'stdout' ? stdoutLen : stderrLen;
      if (prev === Infinity) {
        chunks.push(chunk);
        return;
      }
      // Bytes count, also when the stream decodes to strings.
      const enc = stream.readableEncoding;
      const len = enc ? Buffer.byteLength(chunk, enc) : chunk.length;
      const total = prev + len;
      if (total > options.maxBuffer) {
        chunks.push(chunk.slice(0, Math.max(0, options.maxBuffer - prev)));
        ex = new ERR_CHILD_PROCESS_STDIO_MAXBUFFER(which);
        kill();
      } else {
        chunks.push(chunk);
      }
      if (which === 'stdout') stdoutLen = total;
      else stderrLen = total;
    });
  }
  collect(child.stdout, _stdout, 'stdout');
  collect(child.stderr, _stderr, 'stderr');

  child.addListener('close', exithandler);
  child.addListener('error', errorhandler);
  return child;
}

function promisifiedExec(fn) {
  const promisified = function(...args) {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Called outside the executor: bad arguments throw synchronously.
    promise.child = fn(...args, (err, stdout, stderr) => {
      if (err !== null) {
        err.stdout = stdout;
        err.stderr = stderr;
        reject(err);
      } else {
        resolve({ stdout, stderr });
      }
    });
    return promise;
  };
  // Named as fn is: util.promisify(exec).name is 'exec'.
  Object.defineProperty(promisified, 'name', { __proto__: null, value: fn.name });
  return promisified;
}
Object.defineProperty(exec, kCustomPromisify, { enumerable: false, value: promisifiedExec(exec) });
Object.defineProperty(execFile, kCustomPromisify, { enumerable: false, value: promisifiedExec(execFile) });

function spawnSync(file, args, options) {
  options = { __proto__: null, maxBuffer: MAX_BUFFER, ...normalizeSpawnArguments(file, args, options) };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);
  const input = options.input;
  if (input !== undefined && input !== null && typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  const result = internalCP.spawnSync(options);
  if (result.output && options.encoding && options.encoding !== 'buffer') {
    result.output = result.output.map((o) => (o === null ? null : o.toString(options.encoding)));
  }
  result.stdout = result.output && result.output[1];
  result.stderr = result.output && result.output[2];
  return result;
}

function checkExecSyncError(ret, args, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    Object.assign(err, ret);
  } else if (ret.status !== 0) {
    let msg = 'Command failed: ';
    msg += cmd || args.join(' ');
    if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
    err = Object.assign(new Error(msg), ret);
  }
  return err;
}

function execFileSync(file, args, options) {
  if (args !== null && args !== undefined && typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = undefined;
  }
  options = { __proto__: null, ...options };
  const inheritStderr = !options.stdio;
  const opts = normalizeSpawnArguments(file, args, options);
  const ret = spawnSync(file, args, options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, opts.args, undefined);
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  const opts = normalizeExecArgs(command, options, null);
  const inheritStderr = !opts.options.stdio;
  const ret = spawnSync(opts.file, opts.options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, undefined, command);
  if (err) throw err;
  return ret.stdout;
}

function stdioStringToArray(stdio, channel) {
  const options = [];
  switch (stdio) {
    case 'ignore': case 'overlapped': case 'pipe':
      options.push(stdio, stdio, stdio);
      break;
    case 'inherit':
      options.push(0, 1, 2);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  if (channel) options.push(channel);
  return options;
}

function fork(modulePath, args, options) {
  modulePath = toPath(modulePath, 'modulePath');
  validateString(modulePath, 'modulePath');
  let execArgv;
  if (args === undefined || args === null) {
    args = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  } else if (!Array.isArray(args)) {
    throw new ERR_INVALID_ARG_TYPE('args', 'Array', args);
  }
  if (options !== undefined && options !== null) validateObject(options, 'options');
  options = { __proto__: null, ...options, shell: false };
  options.execPath = options.execPath || process.execPath;
  validateNoNullBytes(options.execPath, 'options.execPath');
  execArgv = options.execArgv || process.execArgv;
  if (execArgv === process.execArgv && process._eval != null) {
    const index = execArgv.lastIndexOf(process._eval);
    if (index > 0) {
      execArgv = execArgv.slice(0);
      execArgv.splice(index - 1, 2);
    }
  }
  args = [...execArgv, modulePath, ...args];
  if (typeof options.stdio === 'string') {
    options.stdio = stdioStringToArray(options.stdio, 'ipc');
  } else if (!Array.isArray(options.stdio)) {
    options.stdio = stdioStringToArray(options.silent ? 'pipe' : 'inherit', 'ipc');
  } else if (!options.stdio.includes('ipc')) {
    throw new ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }
  return spawn(options.execPath, args, options);
}

function _forkChild() {
  throw require('internal/errors').notImplemented('child_process._forkChild');
}

module.exports = {
  _forkChild,
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
};
