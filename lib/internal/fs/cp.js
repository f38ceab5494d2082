'use strict';
// fs.cp / fs.cpSync / fsPromises.cp. The copy is written once as a
// generator that yields file system steps; a sync and an async driver run
// those steps, so both forms behave the same.

const binding = internalBinding('fs');
const pathModule = require('path');
const {
  codes: {
    ERR_FS_CP_DIR_TO_NON_DIR, ERR_FS_CP_NON_DIR_TO_DIR, ERR_FS_CP_EINVAL, ERR_FS_EISDIR,
    ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY, ERR_FS_CP_FIFO_PIPE, ERR_FS_CP_SOCKET, ERR_FS_CP_UNKNOWN,
    ERR_INVALID_ARG_TYPE, ERR_INCOMPATIBLE_OPTION_PAIR, ERR_INVALID_RETURN_VALUE,
  },
} = require('internal/errors');
const { validateBoolean, validateFunction, validateObject, validateInteger } = require('internal/validators');
const { getValidatedPath, getStatsFromBinding, SystemError, toPathIfFileURL } = require('internal/fs/utils');

function cpOptions(options) {
  const o = {
    dereference: false, errorOnExist: false, filter: undefined, force: true,
    preserveTimestamps: false, recursive: false, verbatimSymlinks: false, mode: 0,
  };
  if (options === undefined) return o;
  validateObject(options, 'options');
  Object.assign(o, options);
  validateBoolean(o.dereference, 'options.dereference');
  validateBoolean(o.errorOnExist, 'options.errorOnExist');
  validateBoolean(o.force, 'options.force');
  validateBoolean(o.preserveTimestamps, 'options.preserveTimestamps');
  validateBoolean(o.recursive, 'options.recursive');
  validateBoolean(o.verbatimSymlinks, 'options.verbatimSymlinks');
  validateInteger(o.mode, 'options.mode', 0, 7);
  if (o.filter !== undefined) validateFunction(o.filter, 'options.filter');
  if (o.dereference && o.verbatimSymlinks) {
    throw new ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  return o;
}

function isSubdir(parent, child) {
  const p = pathModule.resolve(parent).split(pathModule.sep).filter(Boolean);
  const c = pathModule.resolve(child).split(pathModule.sep).filter(Boolean);
  return p.every((seg, i) => c[i] === seg);
}

// Each yielded step is [op, ...args]; stat steps yield Stats or undefined.
function* copy(src, dest, o, top) {
  if (o.filter) {
    const keep = yield ['filter', src, dest];
    if (!keep) return;
  }
  const srcStat = yield [o.dereference ? 'stat' : 'lstat', src];
  const destStat = yield [o.dereference ? 'statOrNull' : 'lstatOrNull', dest];
  if (destStat) {
    if (srcStat.ino === destStat.ino && srcStat.dev === destStat.dev) {
      throw new ERR_FS_CP_EINVAL(`src and dest cannot be the same ${dest}`);
    }
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw new ERR_FS_CP_DIR_TO_NON_DIR(dest, src);
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw new ERR_FS_CP_NON_DIR_TO_DIR(dest, src);
    }
  }
  if (top && !isSubdir(src, dest)) {
    // dest must not lie inside src through a symlinked parent.
    const srcParent = pathModule.resolve(pathModule.dirname(src));
    let parent = pathModule.resolve(pathModule.dirname(dest));
    while (parent !== srcParent && parent !== pathModule.parse(parent).root) {
      const st = yield ['statOrNull', parent];
      if (st && st.ino === srcStat.ino && st.dev === srcStat.dev) {
        throw new ERR_FS_CP_EINVAL(`Cannot copy ${src} to a subdirectory of self ${dest}`);
      }
      parent = pathModule.dirname(parent);
    }
    const destParent = pathModule.dirname(dest);
    if (!(yield ['statOrNull', destParent])) yield ['mkdirp', destParent];
  }
  if (srcStat.isDirectory()) {
    if (top && isSubdir(src, dest)) {
      throw new ERR_FS_CP_EINVAL(`Cannot copy ${src}${src.endsWith('/') ? '' : '/'} to a subdirectory of self ${dest}`);
    }
    if (!o.recursive) {
      throw new ERR_FS_EISDIR(`Recursive option not enabled, cannot copy a directory: ${src}${src.endsWith('/') ? '' : '/'}`);
    }
    if (!destStat) yield ['mkdir', dest, srcStat.mode & 0o7777];
    const names = yield ['readdir', src];
    for (const name of names) {
      yield* copy(pathModule.join(src, name), pathModule.join(dest, name), o, false);
    }
    if (!destStat) yield ['chmod', dest, srcStat.mode & 0o7777];
    if (o.preserveTimestamps) yield ['utimes', dest, srcStat.atimeMs / 1000, srcStat.mtimeMs / 1000];
    return;
  }
  if (srcStat.isSymbolicLink()) {
    let target = yield ['readlink', src];
    if (!o.verbatimSymlinks && !pathModule.isAbsolute(target)) {
      target = pathModule.resolve(pathModule.dirname(src), target);
    }
    if (destStat || (yield ['lstatOrNull', dest])) {
      let destTarget = null;
      try {
        destTarget = yield ['readlink', dest];
      } catch (e) {
        // dest is not a link: symlinking over it fails as the OS says.
        if (e.code !== 'EINVAL') throw e;
        yield ['symlink', target, dest];
        return;
      }
      if (destTarget !== null && !pathModule.isAbsolute(destTarget)) {
        destTarget = pathModule.resolve(pathModule.dirname(dest), destTarget);
      }
      const srcIsDir = (yield ['statOrNull', src])?.isDirectory();
      if (srcIsDir && destTarget !== null && isSubdir(target, destTarget)) {
        throw new ERR_FS_CP_EINVAL(`cannot copy ${target} to a subdirectory of self ${destTarget}`);
      }
      if (destTarget !== null && srcIsDir && isSubdir(destTarget, target)) {
        throw new ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY(`cannot overwrite ${destTarget} with ${target}`);
      }
      yield ['unlink', dest];
    }
    yield ['symlink', target, dest];
    return;
  }
  if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    if (destStat) {
      if (!o.force) {
        if (o.errorOnExist) {
          throw new SystemError('ERR_FS_CP_EEXIST', 'Target already exists', {
            message: `${dest} already exists`, path: dest, syscall: 'cp', errno: 17, code: 'EEXIST',
          });
        }
        return;
      }
    }
    // A symlink at dest is replaced, not written through.
    if (destStat?.isSymbolicLink()) yield ['unlink', dest];
    yield ['copyFile', src, dest, o.mode];
    if (o.preserveTimestamps) {
      if ((srcStat.mode & 0o200) === 0) yield ['chmod', dest, srcStat.mode | 0o200];
      yield ['utimes', dest, srcStat.atimeMs / 1000, srcStat.mtimeMs / 1000];
      if ((srcStat.mode & 0o200) === 0) yield ['chmod', dest, srcStat.mode & 0o7777];
    }
    return;
  }
  if (srcStat.isFIFO()) throw new ERR_FS_CP_FIFO_PIPE(`cannot copy a FIFO pipe: ${dest}`);
  if (srcStat.isSocket()) throw new ERR_FS_CP_SOCKET(`cannot copy a socket file: ${dest}`);
  throw new ERR_FS_CP_UNKNOWN(`cannot copy an unknown file type: ${dest}`);
}

function orNull(e) {
  if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
  throw e;
}

const syncOps = {
  filter: (o, src, dest) => {
    const keep = o.filter(src, dest);
    if (keep && typeof keep.then === 'function') {
      throw new ERR_INVALID_RETURN_VALUE('boolean', 'filter', keep);
    }
    return keep;
  },
  stat: (o, p) => getStatsFromBinding(binding.stat(p, false)),
  lstat: (o, p) => getStatsFromBinding(binding.lstat(p, false)),
  statOrNull: (o, p) => { try { return syncOps.stat(o, p); } catch (e) { return orNull(e); } },
  lstatOrNull: (o, p) => { try { return syncOps.lstat(o, p); } catch (e) { return orNull(e); } },
  mkdir: (o, p, mode) => binding.mkdir(p, mode, false),
  mkdirp: (o, p) => binding.mkdir(p, 0o777, true),
  readdir: (o, p) => binding.readdir(p, false),
  chmod: (o, p, mode) => binding.chmod(p, mode),
  utimes: (o, p, a, m) => binding.utimes(p, a, m),
  readlink: (o, p) => binding.readlink(p),
  unlink: (o, p) => binding.unlink(p),
  symlink: (o, t, p) => binding.symlink(t, p),
  copyFile: (o, s, d, mode) => binding.copyFile(s, d, mode),
};

function call(fn, ...args) {
  return new Promise((resolve, reject) => fn(...args, (err, v) => (err ? reject(err) : resolve(v))));
}

const asyncOps = {
  filter: (o, src, dest) => o.filter(src, dest),
  stat: async (o, p) => getStatsFromBinding(await call(binding.stat, p, false)),
  lstat: async (o, p) => getStatsFromBinding(await call(binding.lstat, p, false)),
  statOrNull: (o, p) => asyncOps.stat(o, p).catch(orNull),
  lstatOrNull: (o, p) => asyncOps.lstat(o, p).catch(orNull),
  mkdir: (o, p, mode) => call(binding.mkdir, p, mode, false),
  mkdirp: (o, p) => call(binding.mkdir, p, 0o777, true),
  readdir: (o, p) => call(binding.readdir, p, false),
  chmod: (o, p, mode) => call(binding.chmod, p, mode),
  utimes: (o, p, a, m) => call(binding.utimes, p, a, m),
  readlink: (o, p) => call(binding.readlink, p),
  unlink: (o, p) => call(binding.unlink, p),
  symlink: (o, t, p) => call(binding.symlink, t, p),
  copyFile: (o, s, d, mode) => call(binding.copyFile, s, d, mode),
};

function paths(src, dest) {
  src = getValidatedPath(toPathIfFileURL(src), 'src');
  dest = getValidatedPath(toPathIfFileURL(dest), 'dest');
  return [String(src), String(dest)];
}

function cpSync(src, dest, options) {
  const o = cpOptions(options);
  [src, dest] = paths(src, dest);
  const gen = copy(src, dest, o, true);
  let step = gen.next();
  while (!step.done) {
    const [op, ...args] = step.value;
    let v;
    try {
      v = syncOps[op](o, ...args);
    } catch (e) {
      step = gen.throw(e);
      continue;
    }
    step = gen.next(v);
  }
}

async function cpAsync(src, dest, options) {
  return runAsync(...cpCheck(src, dest, options));
}

// cpCheck validates cp's arguments, throwing synchronously as fs.cp does.
function cpCheck(src, dest, options) {
  const o = cpOptions(options);
  [src, dest] = paths(src, dest);
  return [src, dest, o];
}

async function runAsync(src, dest, o) {
  const gen = copy(src, dest, o, true);
  let step = gen.next();
  while (!step.done) {
    const [op, ...args] = step.value;
    let v;
    try {
      v = await asyncOps[op](o, ...args);
    } catch (e) {
      step = gen.throw(e);
      continue;
    }
    step = gen.next(v);
  }
}

module.exports = { cpSync, cpAsync, cpCheck, runAsync, ERR_INVALID_ARG_TYPE };
