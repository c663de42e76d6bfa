import { describe, it } from 'node:test';
import { expect } from 'chai';
import { bool, int, str, strArray, strSlice, duration, DRY_RUN_FLAG } from './flag-spec.ts';
import { FlagParseError, HelpRequested, parseFlags } from './parse-flags.ts';

const SPECS = [bool('stdin', 'i'), bool('tty', 't'), str('namespace', 'n'), str('output', 'o'), int('replicas', 'r', '1', 'int32'), strArray('from-literal'), strSlice('label-columns', 'L'), duration('timeout', '30s'), DRY_RUN_FLAG];

describe('parseFlags: pflag semantics (spf13/pflag flag.go parseArgs)', () => {
  const table: { args: string[]; expect: Record<string, unknown>; positional?: string[]; dash?: number }[] = [
    { args: ['get', '-n', 'foo'], expect: { namespace: 'foo' }, positional: ['get'] },
    { args: ['-nfoo'], expect: { namespace: 'foo' } },
    { args: ['-n=foo'], expect: { namespace: 'foo' } },
    { args: ['--namespace=foo'], expect: { namespace: 'foo' } },
    { args: ['--namespace', 'foo', 'pods'], expect: { namespace: 'foo' }, positional: ['pods'] },
    { args: ['-it'], expect: { stdin: true, tty: true } },
    { args: ['-itnfoo'], expect: { stdin: true, tty: true, namespace: 'foo' } },
    { args: ['--stdin=false'], expect: { stdin: false } },
    { args: ['-i=false'], expect: { stdin: false } },
    { args: ['-r3'], expect: { replicas: 3 } },
    { args: ['--replicas=0x10'], expect: { replicas: 16 } },
    { args: ['--from-literal=a=b,c', '--from-literal=d=e'], expect: { 'from-literal': ['a=b,c', 'd=e'] } },
    { args: ['-L', 'a,b', '-L', 'c'], expect: { 'label-columns': ['a', 'b', 'c'] } },
    { args: ['--dry-run'], expect: { 'dry-run': 'unchanged' } },
    { args: ['--dry-run', 'client'], expect: { 'dry-run': 'unchanged' }, positional: ['client'] },
    { args: ['pod', '--', 'sh', '-c', 'ls -n'], expect: {}, positional: ['pod', 'sh', '-c', 'ls -n'], dash: 1 },
    { args: ['-', 'x'], expect: {}, positional: ['-', 'x'] },
  ];
  for (const row of table) {
    it(row.args.join(' '), () => {
      const parsed = parseFlags(row.args, SPECS);
      for (const [name, want] of Object.entries(row.expect)) {
        const spec = SPECS.find((s) => s.name === name)!;
        const got = spec.type === 'bool' ? parsed.flags.bool(name) : spec.type.startsWith('int') ? parsed.flags.int(name) : spec.type.startsWith('string') && spec.type !== 'string' ? parsed.flags.list(name) : parsed.flags.string(name);
        expect(got, name).to.deep.equal(want);
      }
      expect(parsed.args).to.deep.equal(row.positional ?? []);
      expect(parsed.argsLenAtDash).to.equal(row.dash ?? -1);
    });
  }

  it('remembers which flags were set (cobra Changed)', () => {
    const parsed = parseFlags(['--replicas=1'], SPECS);
    expect(parsed.flags.changed('replicas')).to.equal(true);
    expect(parsed.flags.changed('namespace')).to.equal(false);
    expect(parsed.flags.duration('timeout')).to.equal(30_000);
  });

  // Texts from the kubectl 1.31 binary on this machine (`kubectl get --bogus` ...), pflag's failf messages.
  const errors: [string[], string][] = [
    [['--bogus'], 'unknown flag: --bogus'],
    [['-z'], "unknown shorthand flag: 'z' in -z"],
    [['-iz'], "unknown shorthand flag: 'z' in -z"],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['---x'], 'bad flag syntax: ---x'],
    [['--=x'], 'bad flag syntax: --=x'],
    [['--replicas=abc'], 'invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    [['--replicas=99999999999'], 'invalid argument "99999999999" for "-r, --replicas" flag: strconv.ParseInt: parsing "99999999999": value out of range'],
    [['--stdin=maybe'], 'invalid argument "maybe" for "-i, --stdin" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['--timeout=abc'], 'invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"'],
  ];
  for (const [args, message] of errors) {
    it(`rejects ${args.join(' ')}`, () => {
      expect(() => parseFlags(args, SPECS)).to.throw(FlagParseError, message);
      try {
        parseFlags(args, SPECS);
      } catch (e) {
        expect((e as Error).message).to.equal(message);
      }
    });
  }

  it('treats --help and -h as a help request', () => {
    expect(() => parseFlags(['--help'], SPECS)).to.throw(HelpRequested);
    expect(() => parseFlags(['-h'], SPECS)).to.throw(HelpRequested);
  });

  it('prints the deprecation notice of a deprecated flag', () => {
    const parsed = parseFlags(['--record'], [{ ...bool('record'), deprecated: '--record will be removed in the future' }]);
    expect(parsed.notices).to.deep.equal(['Flag --record has been deprecated, --record will be removed in the future']);
  });
});
