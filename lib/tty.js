'use strict';
// node:tty: isatty, ReadStream (raw mode) and WriteStream (size, colors,
// cursor control). Both are streams over the descriptor: a WriteStream
// writes synchronously, a ReadStream on fd 0 reads through the stdin
// binding (other descriptors are not supported yet).

const { StdinStream } = require('internal/bootstrap/stdio');
const { SyncWriteStream } = require('internal/fs/streams');
const {
  codes: { ERR_INVALID_FD },
  ErrnoException,
  notImplemented,
} = require('internal/errors');
const { validateInteger } = require('internal/validators');

const tty = internalBinding('tty_wrap');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && tty.isTTY(fd);
}

function checkFd(fd) {
  if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) throw new ERR_INVALID_FD(fd);
  if (!tty.isTTY(fd)) {
    const err = new Error('TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)');
    err.name = 'SystemError';
    err.code = 'ERR_TTY_INIT_FAILED';
    err.info = { errno: -22, code: 'EINVAL', message: 'invalid argument', syscall: 'uv_tty_init' };
    err.errno = -22;
    err.syscall = 'uv_tty_init';
    throw err;
  }
}

// --- ReadStream ---

// ReadStream reads a terminal. Only fd 0 is supported: it is read through
// the stdin binding, as process.stdin.
function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  checkFd(fd);
  if (fd !== 0) throw notImplemented('tty.ReadStream on a descriptor other than 0');
  // A TTY stdin behaves as a socket: it closes after its end.
  Reflect.apply(StdinStream, this, [{ autoDestroy: true, emitClose: true, ...options }]);
  this.isRaw = false;
  this.isTTY = true;
}
Object.setPrototypeOf(ReadStream.prototype, StdinStream.prototype);
Object.setPrototypeOf(ReadStream, StdinStream);

let rawExitHook = false;

ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  const err = tty.setRawMode(this.fd, flag);
  if (err) {
    this.emit('error', new ErrnoException(err, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  if (flag && !rawExitHook) {
    rawExitHook = true;
    // Leave the terminal as it was found, as node does at exit.
    process.on('exit', () => tty.setRawMode(this.fd, false));
  }
  return this;
};

// --- WriteStream ---

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  checkFd(fd);
  Reflect.apply(SyncWriteStream, this, [fd, { autoClose: false }]);
  this._type = 'tty';
  this.isTTY = true;
  const size = tty.getWindowSize(fd);
  this.columns = Array.isArray(size) ? size[0] : undefined;
  this.rows = Array.isArray(size) ? size[1] : undefined;
  watchResize(this);
}
Object.setPrototypeOf(WriteStream.prototype, SyncWriteStream.prototype);
Object.setPrototypeOf(WriteStream, SyncWriteStream);

// All WriteStreams learn of SIGWINCH; each emits 'resize' when its size
// changed.
const resizeWatchers = new Set();
function watchResize(stream) {
  if (resizeWatchers.size === 0) {
    tty.watchResize(() => {
      for (const ref of resizeWatchers) {
        const s = ref.deref();
        if (s === undefined) {
          resizeWatchers.delete(ref);
        } else {
          s._refreshSize();
        }
      }
    });
  }
  resizeWatchers.add(new WeakRef(stream));
}

WriteStream.prototype.isColorSupported = undefined;

WriteStream.prototype._refreshSize = function _refreshSize() {
  const oldCols = this.columns;
  const oldRows = this.rows;
  const size = tty.getWindowSize(this.fd);
  if (!Array.isArray(size)) {
    this.emit('error', new ErrnoException(size, 'getWindowSize'));
    return;
  }
  const [cols, rows] = size;
  if (oldCols !== cols || oldRows !== rows) {
    this.columns = cols;
    this.rows = rows;
    this.emit('resize');
  }
};

WriteStream.prototype.getWindowSize = function getWindowSize() {
  return [this.columns, this.rows];
};

const COLORS_2 = 1;
const COLORS_16 = 4;
const COLORS_256 = 8;
const COLORS_16m = 24;

// Terminals known to support 16 colors, by TERM.
const TERM_16 = [
  /ansi/, /color/, /console/, /^con[0-9]*x[0-9]/, /cygwin/, /dtterm/, /eterm/, /^fbterm/,
  /gnome/, /hurd/, /^kterm/, /konsole/, /linux/, /^mlterm/, /^putty/, /rxvt/, /screen/,
  /st/, /terminator/, /vt100/, /vt220/, /xterm/,
];

WriteStream.prototype.getColorDepth = function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '':
      case '1':
      case 'true':
        return COLORS_16;
      case '2':
        return COLORS_256;
      case '3':
        return COLORS_16m;
      default:
        return COLORS_2;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') {
    return COLORS_2;
  }
  if (env.TMUX) return COLORS_16m;
  if (env.CI) {
    if (['GITHUB_ACTIONS', 'GITEA_ACTIONS', 'CIRCLECI'].some((k) => k in env)) return COLORS_16m;
    if (['TRAVIS', 'APPVEYOR', 'GITLAB_CI', 'BUILDKITE', 'DRONE'].some((k) => k in env) ||
        env.CI_NAME === 'codeship') {
      return COLORS_256;
    }
    return COLORS_2;
  }
  if ('TEAMCITY_VERSION' in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? COLORS_16 : COLORS_2;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) return COLORS_256;
      return COLORS_16m;
    case 'HyperTerm':
    case 'MacTerm':
      return COLORS_16m;
    case 'Apple_Terminal':
      return COLORS_256;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return COLORS_16m;
  if (env.TERM) {
    if (/truecolor/.test(env.TERM)) return COLORS_16m;
    if (/^xterm-256/.test(env.TERM)) return COLORS_256;
    const term = env.TERM.toLowerCase();
    if (TERM_16.some((re) => re.test(term))) return COLORS_16;
  }
  if (env.COLORTERM) return COLORS_16;
  return COLORS_2;
};

WriteStream.prototype.hasColors = function hasColors(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else if (count === undefined) {
    count = 16;
  } else {
    validateInteger(count, 'count', 2);
  }
  return count <= 2 ** this.getColorDepth(env);
};

WriteStream.prototype.cursorTo = function cursorTo(x, y, cb) {
  return require('internal/readline/callbacks').cursorTo(this, x, y, cb);
};

WriteStream.prototype.moveCursor = function moveCursor(dx, dy, cb) {
  return require('internal/readline/callbacks').moveCursor(this, dx, dy, cb);
};

WriteStream.prototype.clearLine = function clearLine(dir, cb) {
  return require('internal/readline/callbacks').clearLine(this, dir, cb);
};

WriteStream.prototype.clearScreenDown = function clearScreenDown(cb) {
  return require('internal/readline/callbacks').clearScreenDown(this, cb);
};

module.exports = { isatty, ReadStream, WriteStream };
