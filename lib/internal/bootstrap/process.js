'use strict';
// Fills in the process object from the process_methods binding.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateString, validateInteger, convertToValidSignal, signals } = require('internal/validators');

function setup(process, binding) {
  const define = (name, value) => Object.defineProperty(process, name, {
    value, writable: true, enumerable: true, configurable: true,
  });

  {
    // The title is argv[0] as the program was started (node's is too),
    // unless --title gave one.
    let title = require('internal/options').getOptionValue('--title') || binding.argv0 || 'gonode';
    Object.defineProperty(process, 'title', {
      enumerable: true, configurable: true,
      get() { return title; },
      set(v) { title = String(v); },
    });
  }
  define('version', binding.version);
  define('versions', {
    node: binding.version.slice(1),
    gonode: binding.gonodeVersion,
    go: binding.goVersion.replace(/^go/, ''),
    quickjs: '2026-06-04',
    modules: '137',
    uv: '1.51.0',
    // crypto and tls run on Go's crypto packages, not OpenSSL; the version
    // is the OpenSSL API level they are written to behave as, which is what
    // packages (and Node's tests) probe to decide whether crypto exists.
    openssl: '3.0.0',
    // node:sqlite runs modernc.org/sqlite (SQLite translated to Go).
    sqlite: '3.54.1',
  });
  define('arch', binding.arch);
  define('platform', binding.platform);
  define('release', {
    name: 'node',
    lts: 'Krypton',
    sourceUrl: '',
    headersUrl: '',
  });
  define('argv', binding.argv.slice());
  define('execArgv', binding.execArgv.slice());
  define('execPath', binding.execPath);
  // argv0 is argv[0] as the command was typed (argv[0] itself is execPath).
  define('argv0', binding.argv0 || 'gonode');
  define('pid', binding.pid);
  define('ppid', binding.ppid);
  define('env', makeEnv(binding));
  define('config', Object.freeze({ target_defaults: {}, variables: { node_shared: false, node_module_version: 137, gonode: true } }));
  define('features', Object.freeze({
    inspector: false, debug: false, uv: true, ipv6: true, openssl_is_boringssl: false, quic: false,
    tls_alpn: true, tls_sni: true, tls_ocsp: false, tls: true, cached_builtins: true, require_module: true,
    typescript: 'strip',
  }));
  define('moduleLoadList', []);
  define('debugPort', 9229);
  // Built on first use: a frozen Set of the options NODE_OPTIONS accepts,
  // whose has() also knows their spellings without dashes, with '_' for
  // '-', and with a value.
  Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
    enumerable: true,
    configurable: true,
    get() {
      const flags = makeAllowedFlags(binding.envFlags());
      Object.defineProperty(this, 'allowedNodeEnvironmentFlags', {
        value: flags, enumerable: true, configurable: true, writable: false,
      });
      return flags;
    },
    set(value) {
      Object.defineProperty(this, 'allowedNodeEnvironmentFlags', {
        value, enumerable: true, configurable: true, writable: true,
      });
    },
  });
  define('_exiting', false);
  {
    const { getOptionValue } = require('internal/options');
    if (getOptionValue('--no-deprecation')) process.noDeprecation = true;
    if (getOptionValue('--throw-deprecation')) process.throwDeprecation = true;
    if (getOptionValue('--trace-deprecation')) process.traceDeprecation = true;
  }

  let exitCode;
  Object.defineProperty(process, 'exitCode', {
    enumerable: true, configurable: false,
    get() { return exitCode; },
    set(code) {
      if (code !== null && code !== undefined) {
        let value = code;
        // Numeric strings count as their number, as in node.
        if (typeof code === 'string' && code.trim() !== '' && !Number.isNaN(+code)) value = +code;
        validateInteger(value, 'code');
      }
      exitCode = code;
    },
  });

  process.cwd = function cwd() { return binding.cwd(); };
  process.chdir = function chdir(directory) {
    validateString(directory, 'directory');
    binding.chdir(directory);
  };
  process.umask = function umask(mask) {
    if (mask === undefined) return binding.umask(undefined);
    if (typeof mask === 'string') {
      if (!/^[0-7]+$/.test(mask)) {
        const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
        throw new ERR_INVALID_ARG_VALUE('mask', mask, 'must be a 32-bit unsigned integer or an octal string');
      }
      mask = parseInt(mask, 8);
    } else if (typeof mask !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('mask', ['number', 'string'], mask);
    }
    return binding.umask(mask);
  };

  function hrtime(time) {
    const [sec, nsec] = binding.hrtime();
    if (time !== undefined) {
      if (!Array.isArray(time)) throw new ERR_INVALID_ARG_TYPE('time', 'Array', time);
      if (time.length !== 2) throw new ERR_OUT_OF_RANGE('time', 2, time.length);
      let s = sec - time[0];
      let n = nsec - time[1];
      if (n < 0) {
        s -= 1;
        n += 1e9;
      }
      return [s, n];
    }
    return [sec, nsec];
  }
  hrtime.bigint = function bigint() { return binding.hrtimeBigInt(); };
  process.hrtime = hrtime;
  process.uptime = function uptime() { return binding.uptime(); };
  function memoryUsage() { return binding.memoryUsage(); }
  memoryUsage.rss = function rss() { return binding.rss(); };
  process.memoryUsage = memoryUsage;
  process.cpuUsage = function cpuUsage(prevValue) {
    const [user, system] = binding.cpuUsage();
    if (prevValue !== undefined) {
      validateCpuUsage(prevValue);
      return { user: user - prevValue.user, system: system - prevValue.system };
    }
    return { user, system };
  };
  process.threadCpuUsage = function threadCpuUsage(prevValue) {
    return process.cpuUsage(prevValue);
  };
  process.resourceUsage = function resourceUsage() {
    const [userCPUTime, systemCPUTime] = binding.cpuUsage();
    return {
      userCPUTime, systemCPUTime, maxRSS: Math.round(binding.rss() / 1024), sharedMemorySize: 0,
      unsharedDataSize: 0, unsharedStackSize: 0, minorPageFault: 0, majorPageFault: 0,
      swappedOut: 0, fsRead: 0, fsWrite: 0, ipcSent: 0, ipcReceived: 0, signalsCount: 0,
      voluntaryContextSwitches: 0, involuntaryContextSwitches: 0,
    };
  };
  process.availableMemory = function availableMemory() { return require('os').freemem(); };
  process.constrainedMemory = function constrainedMemory() { return 0; };

  // process._kill(pid, signal) -> 0 or a negative errno; process.kill
  // goes through it, so programs (and tests) may replace it.
  process._kill = function _kill(pid, sig) {
    try {
      binding.kill(pid, sig);
      return 0;
    } catch (err) {
      if (typeof err.errno === 'number') return err.errno;
      throw err;
    }
  };
  process.kill = function kill(pid, sig) {
    // eslint-disable-next-line eqeqeq
    if (pid != (pid | 0)) throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid);
    let err;
    if (sig === (sig | 0)) {
      err = process._kill(pid, sig);
    } else {
      err = process._kill(pid, convertToValidSignal(sig || 'SIGTERM'));
    }
    if (err) {
      const code = require('util').getSystemErrorName(err);
      const e = new Error(`kill ${code}`);
      e.errno = err;
      e.code = code;
      e.syscall = 'kill';
      throw e;
    }
    return true;
  };
  process.getBuiltinModule = function getBuiltinModule(id) {
    validateString(id, 'id');
    const { BuiltinModule, requireBuiltin } = require('internal/bootstrap/realm');
    const bare = id.startsWith('node:') ? id.slice(5) : id;
    if (bare.startsWith('internal/') || !BuiltinModule.exists(bare)) return undefined;
    const schemeOnly = BuiltinModule.getSchemeOnlyModuleNames().includes(bare);
    if (schemeOnly ? !id.startsWith('node:') : !BuiltinModule.canBeRequiredByUsers(bare)) return undefined;
    return requireBuiltin(bare);
  };

  process.exit = function exit(code) {
    if (code !== undefined) process.exitCode = code;
    if (!process._exitEmitted) {
      process._exiting = true;
      process._exitEmitted = true;
      process.emit('exit', process.exitCode ?? 0);
    }
    // Through process.reallyExit, which programs (and tests) may replace.
    process.reallyExit(process.exitCode ?? 0);
  };
  process.reallyExit = function reallyExit(code) {
    // Called directly, it ends the process without an 'exit' event.
    code |= 0;
    process._exitEmitted = true;
    process.exitCode = code;
    binding.reallyExit(code);
  };
  process.abort = { abort() { binding.reallyExit(134); } }.abort;
  process.openStdin = function openStdin() {
    process.stdin.resume();
    return process.stdin;
  };

  process.emitWarning = function emitWarning(warning, type, code, ctor) {
    let detail;
    if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
      ctor = type.ctor;
      code = type.code;
      if (typeof type.detail === 'string') detail = type.detail;
      type = type.type || 'Warning';
    } else if (typeof type === 'function') {
      ctor = type;
      code = undefined;
      type = 'Warning';
    }
    if (type !== undefined) validateString(type, 'type');
    if (typeof code === 'function') {
      ctor = code;
      code = undefined;
    } else if (code !== undefined) {
      validateString(code, 'code');
    }
    if (typeof warning === 'string') {
      warning = new Error(warning);
      warning.name = String(type || 'Warning');
      if (code !== undefined) warning.code = code;
      if (detail !== undefined) warning.detail = detail;
    } else if (!(warning instanceof Error)) {
      throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
    }
    if (warning.name === 'DeprecationWarning') {
      if (process.noDeprecation) return;
      if (process.throwDeprecation) {
        // Thrown on the next tick, after the warnings before it are out.
        process.nextTick(() => { throw warning; });
        return;
      }
    }
    process.nextTick(doEmitWarning, warning);
  };

  function doEmitWarning(warning) {
    process.emit('warning', warning);
  }

  // Default 'warning' output, like Node's: "(node:PID) Name: message".
  process.on('warning', (warning) => {
    // As node: only Error objects are printed.
    if (!(warning instanceof Error)) return;
    if (process.noProcessWarnings || require('internal/options').getOptionValue('--no-warnings')) return;
    if (warning.name === 'DeprecationWarning' && process.noDeprecation) return;
    const trace = process.traceProcessWarnings || require('internal/options').getOptionValue('--trace-warnings') ||
      (warning.name === 'DeprecationWarning' && process.traceDeprecation);
    let msg = `(${process.release.name}:${process.pid}) `;
    if (warning.code) msg += `[${warning.code}] `;
    if (trace && warning.stack) {
      msg += `${warning.name}: ${warning.message}\n${warning.stack}`;
    } else {
      msg += typeof warning.toString === 'function' ? `${warning.toString()}` : Error.prototype.toString.call(warning);
    }
    if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
    if (!trace && !warnedAboutTrace) {
      warnedAboutTrace = true;
      const argv0 = 'node';
      const flag = warning.name === 'DeprecationWarning' ? '--trace-deprecation' : '--trace-warnings';
      msg += `\n(Use \`${argv0} ${flag} ...\` to show where the warning was created)`;
    }
    // Through console.error, as node does, so that a program that wraps
    // process.stderr.write sees warnings.
    require('console').error(msg);
  });
  let warnedAboutTrace = false;

  process._rawDebug = function _rawDebug(...args) {
    binding.writeSync(2, `${require('internal/util/inspect').format(...args)}\n`);
  };

  process.binding = function binding_(name) {
    const { notImplemented } = require('internal/errors');
    throw notImplemented(`process.binding('${name}')`);
  };
  process.getuid = () => require('internal/util/ids').getuid();
  process.geteuid = () => require('internal/util/ids').geteuid();
  process.getgid = () => require('internal/util/ids').getgid();
  process.getegid = () => require('internal/util/ids').getegid();
  process.getgroups = () => [process.getgid()];
  process.setUncaughtExceptionCaptureCallback = function(fn) {
    if (fn !== null && typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
    if (fn !== null && typeof process._uncaughtCapture === 'function') {
      const { codes: { ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET } } = require('internal/errors');
      throw new ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
    }
    process._uncaughtCapture = fn;
  };
  process.hasUncaughtExceptionCaptureCallback = function() { return typeof process._uncaughtCapture === 'function'; };
  process.emitWarning.length;
  process.report = { getReport() { return {}; }, writeReport() { return ''; } };
  process.setSourceMapsEnabled = function setSourceMapsEnabled(value) {
    require('internal/validators').validateBoolean(value, 'enabled');
    require('internal/source_map').setSourceMapsEnabled(value);
  };
  process.ref = function(h) { h?.ref?.(); };
  process.unref = function(h) { h?.unref?.(); };
  process.getActiveResourcesInfo = function getActiveResourcesInfo() {
    return require('internal/process/active').resourcesInfo();
  };
  process._getActiveHandles = function _getActiveHandles() {
    return require('internal/process/active').handles();
  };
  process._getActiveRequests = function _getActiveRequests() {
    return require('internal/process/active').requests();
  };
  process.loadEnvFile = function loadEnvFile(path = '.env') {
    const content = require('fs').readFileSync(path, 'utf8');
    const parsed = require('util').parseEnv(content);
    for (const k of Object.keys(parsed)) if (process.env[k] === undefined) process.env[k] = parsed[k];
  };

  // stdio: lazily created streams.
  const stdioState = require('internal/process/stdio_state');
  for (const [name, fd] of [['stdout', 1], ['stderr', 2], ['stdin', 0]]) {
    let stream;
    Object.defineProperty(process, name, {
      configurable: true, enumerable: true,
      get() {
        if (stream === undefined) {
          stream = require('internal/bootstrap/stdio').create(fd, binding);
          stdioState.streams[fd] = stream;
        }
        return stream;
      },
      set(v) {
        stream = v;
        stdioState.streams[fd] = v;
      },
    });
  }

  void signals;
}

// makeAllowedFlags builds process.allowedNodeEnvironmentFlags over the
// canonical option names in list.
function makeAllowedFlags(list) {
  const canonical = new Set(list);
  // The Set itself stays empty (Set.prototype methods called on it change
  // nothing that is seen): every reader works on the list.
  class NodeEnvironmentFlagsSet extends Set {
    get size() { return list.length; }
    keys() { return list[Symbol.iterator](); }
    values() { return list[Symbol.iterator](); }
    [Symbol.iterator]() { return list[Symbol.iterator](); }
    *entries() { for (const f of list) yield [f, f]; }
    forEach(fn, thisArg) {
      for (const f of list) fn.call(thisArg, f, f, this);
    }
    // Mutations do nothing: the set is read-only.
    add() { return this; }
    delete() { return false; }
    clear() {}
    has(key) {
      if (typeof key !== 'string') return false;
      const eq = key.indexOf('=');
      if (eq !== -1) key = key.slice(0, eq);
      if (!key.startsWith('-')) key = key.length === 1 ? '-' + key : '--' + key;
      if (key.startsWith('--')) key = '--' + key.slice(2).replace(/_/g, '-');
      if (canonical.has(key)) return true;
      // --no-X is allowed when X is a flag.
      return key.startsWith('--no-') && canonical.has('--' + key.slice(5));
    }
  }
  return Object.freeze(new NodeEnvironmentFlagsSet());
}

// process.env: a live view of the real environment; values become strings.
let envDeprecationWarned = false;
function makeEnv(binding) {
  return new Proxy({}, {
    get(t, key) {
      if (typeof key === 'symbol') return undefined;
      return binding.getEnv(key);
    },
    set(t, key, value) {
      if (typeof key === 'symbol' || typeof value === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      if (!envDeprecationWarned && typeof value !== 'string' && typeof value !== 'number' &&
          typeof value !== 'boolean' && require('internal/options').getOptionValue('--pending-deprecation')) {
        envDeprecationWarned = true;
        process.emitWarning('Assigning any value other than a string, number, or boolean to a ' +
          'process.env property is deprecated. Please make sure to convert the value ' +
          'to a string before setting process.env with it.', 'DeprecationWarning', 'DEP0104');
      }
      binding.setEnv(key, String(value));
      return true;
    },
    has(t, key) { return typeof key === 'string' && binding.getEnv(key) !== undefined; },
    deleteProperty(t, key) {
      if (typeof key === 'string') binding.unsetEnv(key);
      return true;
    },
    ownKeys() { return binding.envKeys(); },
    getOwnPropertyDescriptor(t, key) {
      if (typeof key !== 'string') return undefined;
      const value = binding.getEnv(key);
      if (value === undefined) return undefined;
      return { value, writable: true, enumerable: true, configurable: true };
    },
    defineProperty(t, key, desc) {
      const { codes: { ERR_INVALID_OBJECT_DEFINE_PROPERTY } } = require('internal/errors');
      if ('get' in desc || 'set' in desc) {
        throw new ERR_INVALID_OBJECT_DEFINE_PROPERTY('process.env', 'does not accept an accessor(getter/setter) descriptor');
      }
      if (!desc.configurable || !desc.writable || !desc.enumerable) {
        throw new ERR_INVALID_OBJECT_DEFINE_PROPERTY('process.env', 'only accepts a configurable, writable, and enumerable data descriptor');
      }
      if (typeof key === 'symbol' || typeof desc.value === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      binding.setEnv(key, String(desc.value));
      return true;
    },
  });
}

function validateCpuUsage(prevValue) {
  const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
  if (prevValue === null || typeof prevValue !== 'object' || Array.isArray(prevValue)) {
    throw new ERR_INVALID_ARG_TYPE('prevValue', 'object', prevValue);
  }
  for (const key of ['user', 'system']) {
    const v = prevValue[key];
    if (typeof v !== 'number') throw new ERR_INVALID_ARG_TYPE(`prevValue.${key}`, 'number', v);
    if (!(v >= 0 && Number.isFinite(v))) throw new ERR_INVALID_ARG_VALUE.RangeError(`prevValue.${key}`, v);
  }
}

module.exports = { setup };
