'use strict';
// util.parseArgs: command-line parsing as documented for Node's
// util.parseArgs({ args, options, strict, allowPositionals, allowNegative, tokens }).

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
    ERR_PARSE_ARGS_UNKNOWN_OPTION,
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
  },
} = require('internal/errors');

const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

function validateBooleanOpt(v, name) {
  if (v !== undefined && typeof v !== 'boolean') throw new ERR_INVALID_ARG_TYPE(name, 'boolean', v);
}

function defaultArgs() {
  const argv = process.argv;
  // -e/-p scripts have no script path in argv.
  if (process._eval !== undefined) return argv.slice(1);
  return argv.slice(2);
}

function validateOptions(options) {
  for (const name of Object.keys(options)) {
    const opt = options[name];
    if (opt === null || typeof opt !== 'object') throw new ERR_INVALID_ARG_TYPE(`options.${name}`, 'object', opt);
    const type = opt.type;
    if (type !== 'string' && type !== 'boolean') {
      throw new ERR_INVALID_ARG_VALUE(`options.${name}.type`, type, "must be one of: 'string', 'boolean'");
    }
    if (hasOwn(opt, 'short')) {
      if (typeof opt.short !== 'string') throw new ERR_INVALID_ARG_TYPE(`options.${name}.short`, 'string', opt.short);
      if (opt.short.length !== 1) {
        throw new ERR_INVALID_ARG_VALUE(`options.${name}.short`, opt.short, 'must be a single character');
      }
    }
    validateBooleanOpt(opt.multiple, `options.${name}.multiple`);
    if (hasOwn(opt, 'default')) {
      const d = opt.default;
      const ok = opt.multiple ?
        Array.isArray(d) && d.every((x) => typeof x === type) :
        typeof d === type;
      if (!ok) {
        const expected = opt.multiple ? (type === 'string' ? 'Array' : 'Array') : type;
        throw new ERR_INVALID_ARG_TYPE(`options.${name}.default`, expected, d);
      }
    }
  }
}

function optionUsage(name, options, shortName) {
  const opt = options[name];
  const short = shortName ?? opt?.short;
  const value = opt?.type === 'string' ? ' <value>' : '';
  return short ? `-${short}, --${name}${value}` : `--${name}${value}`;
}

function parseArgs(config = { __proto__: null }) {
  if (config === null || typeof config !== 'object') throw new ERR_INVALID_ARG_TYPE('config', 'object', config);
  const args = config.args ?? defaultArgs();
  const strict = config.strict ?? true;
  const allowPositionals = config.allowPositionals ?? !strict;
  const returnTokens = config.tokens ?? false;
  const allowNegative = config.allowNegative ?? false;
  const options = config.options ?? { __proto__: null };
  if (!Array.isArray(args)) throw new ERR_INVALID_ARG_TYPE('args', 'Array', args);
  for (const a of args) if (typeof a !== 'string') throw new ERR_INVALID_ARG_TYPE('args', 'Array', args);
  validateBooleanOpt(strict, 'strict');
  validateBooleanOpt(allowPositionals, 'allowPositionals');
  validateBooleanOpt(returnTokens, 'tokens');
  validateBooleanOpt(allowNegative, 'allowNegative');
  if (options === null || typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  validateOptions(options);

  const shortToLong = new Map();
  for (const name of Object.keys(options)) {
    if (options[name].short !== undefined) shortToLong.set(options[name].short, name);
  }
  const known = (name) => hasOwn(options, name);

  // Tokenise.
  const tokens = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (let j = index + 1; j < args.length; j++) tokens.push({ kind: 'positional', index: j, value: args[j] });
      break;
    }
    if (arg.length > 1 && arg[0] === '-' && arg[1] !== '-') {
      // Short option(s).
      const letters = arg.slice(1);
      for (let i = 0; i < letters.length; i++) {
        const letter = letters[i];
        const name = shortToLong.get(letter) ?? letter;
        const isString = known(name) && options[name].type === 'string';
        if (isString) {
          const rest = letters.slice(i + 1);
          if (rest !== '') {
            tokens.push({ kind: 'option', name, rawName: `-${letter}`, index, value: rest, inlineValue: true });
          } else {
            const next = args[index + 1];
            const take = next !== undefined && (next === '-' || next[0] !== '-' || !strict);
            tokens.push({ kind: 'option', name, rawName: `-${letter}`, index, value: take ? next : undefined, inlineValue: take ? false : undefined });
            if (take) index++;
          }
          break;
        }
        tokens.push({ kind: 'option', name, rawName: `-${letter}`, index, value: undefined, inlineValue: undefined });
      }
      continue;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      if (eq !== -1) {
        const name = arg.slice(2, eq);
        tokens.push({ kind: 'option', name, rawName: `--${name}`, index, value: arg.slice(eq + 1), inlineValue: true });
        continue;
      }
      const name = arg.slice(2);
      if (known(name) && options[name].type === 'string') {
        const next = args[index + 1];
        const take = next !== undefined && (next === '-' || next[0] !== '-' || !strict);
        tokens.push({ kind: 'option', name, rawName: arg, index, value: take ? next : undefined, inlineValue: take ? false : undefined });
        if (take) index++;
      } else {
        tokens.push({ kind: 'option', name, rawName: arg, index, value: undefined, inlineValue: undefined });
      }
      continue;
    }
    tokens.push({ kind: 'positional', index, value: arg });
  }

  // Interpret.
  const values = { __proto__: null };
  const positionals = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!allowPositionals) throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    let name = token.name;
    let value = token.value;
    if (allowNegative && name.startsWith('no-') && known(name.slice(3)) &&
        options[name.slice(3)].type === 'boolean' && value === undefined) {
      name = name.slice(3);
      token.name = name;
      value = false;
    }
    if (strict) {
      if (!known(name)) {
        const raw = token.rawName;
        throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(
          raw.startsWith('--') ? raw : raw, allowPositionals);
      }
      const opt = options[name];
      const usage = optionUsage(name, options, token.rawName.startsWith('--') ? undefined : token.rawName.slice(1));
      if (opt.type === 'string' && typeof value !== 'string') {
        throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${usage}' argument missing`);
      }
      if (opt.type === 'boolean' && typeof value === 'string') {
        throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${usage}' does not take an argument`);
      }
    }
    const stored = value === undefined ? true : value;
    if (known(name) && options[name].multiple) {
      if (values[name] === undefined) values[name] = [];
      values[name].push(stored);
    } else {
      values[name] = stored;
    }
  }
  for (const name of Object.keys(options)) {
    if (values[name] === undefined && hasOwn(options[name], 'default')) {
      const d = options[name].default;
      values[name] = Array.isArray(d) ? [...d] : d;
    }
  }
  const result = { values, positionals };
  if (returnTokens) result.tokens = tokens;
  return result;
}

module.exports = { parseArgs };
