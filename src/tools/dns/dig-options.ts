/**
 * dig's command line as BIND 9.18's dig reads it (bin/dig/dig.c parse_args,
 * plus_option, dash_option, printgreeting):
 *
 * - `@server`, `-t type`, `-x addr`, `-q name`, a bare type or class name
 *   (until `-t` or `-c` closes that), anything else is the name.
 * - `+[no]keyword[=value]`, case-insensitive; a keyword may be cut short to any
 *   prefix as long as it still picks the same branch of plus_option's switch on
 *   its first letters (`+au` is +authority, `+noal` is +noall, `+a` is invalid).
 * - The display keywords: +[no]question, +[no]answer, +[no]authority,
 *   +[no]additional, +[no]comments (the header, the OPT pseudosection and the
 *   section titles), +[no]stats (query time, server, when, size) and +[no]cmd
 *   (the `; <<>> DiG` banner); +[no]all sets all seven. +short prints only the
 *   answers' data: it turns +cmd, +comments, +stats and every section but the
 *   answer off, and +noshort does not turn them back on.
 * - The greeting (banner, `; (N server found)` and `;; global options:`) is
 *   built when dig meets the first name, from the settings at that moment, and
 *   only if +cmd is on then: `dig +nocmd name` never has one, while
 *   `dig name +nocmd` has one that a reply does not print (+cmd is off by then)
 *   but a failure does (dighost.c prints it before `no servers could be reached`).
 * - +tries=N (attempts, default 3), +retry=N (N+1 attempts), +timeout=N
 *   (seconds per attempt, default 5), +[no]search / +[no]defname.
 *
 * Every other `+` keyword and dash option is accepted and has no effect here.
 * Checked against dig 9.18.49 on this machine (testdata/dig-9.18/).
 */
import type { QueryType } from '../../coredns/dns-message.ts';
import { QUERY_TYPES } from '../../coredns/dns-message.ts';
import { reverseName } from '../../coredns/dns-name.ts';

/** Which parts of a reply dig prints (dig_lookup_t's section_* flags, comments and stats). */
export interface DigDisplay {
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  comments: boolean;
  stats: boolean;
}

export interface DigCommand {
  server?: string;
  /** The name asked, `.` when none was given (dig then asks `. NS`). */
  name: string;
  type: QueryType;
  search: boolean;
  /** +short. */
  short: boolean;
  /** +cmd as it stands after the whole command line (dig.c's global printcmd). */
  printcmd: boolean;
  display: DigDisplay;
  /** The banner dig built at the first name, or undefined when +cmd was off then. */
  greeting?: string;
  tries: number;
  timeoutSeconds: number;
}

/** Data classes dig takes as a bare word (dns_rdataclass_fromtext); the memory DNS only answers IN. */
const CLASSES = ['IN', 'CH', 'CHAOS', 'HS', 'HESIOD', 'NONE'];

/** Dash options that take a value (dig.c dash_opts). */
const DASH_WITH_VALUE = 'bcfkpqtxy';

type Keyword = 'all' | 'answer' | 'authority' | 'additional' | 'question' | 'comments' | 'stats' | 'cmd' | 'short' | 'search' | 'defname' | 'tries' | 'retry' | 'timeout';

/**
 * Each keyword dig's display and lookup options know, with the letters
 * plus_option's nested switch reads before its FULLCHECK (the shortest
 * accepted abbreviation); `retry` also takes `retries`.
 */
const KEYWORDS: { keyword: Keyword; spellings: string[]; least: number }[] = [
  { keyword: 'all', spellings: ['all'], least: 2 },
  { keyword: 'answer', spellings: ['answer'], least: 2 },
  { keyword: 'authority', spellings: ['authority'], least: 2 },
  { keyword: 'additional', spellings: ['additional'], least: 3 },
  { keyword: 'question', spellings: ['question'], least: 2 },
  { keyword: 'comments', spellings: ['comments'], least: 3 },
  { keyword: 'stats', spellings: ['stats'], least: 2 },
  { keyword: 'cmd', spellings: ['cmd'], least: 2 },
  { keyword: 'short', spellings: ['short'], least: 4 },
  { keyword: 'search', spellings: ['search'], least: 2 },
  { keyword: 'defname', spellings: ['defname'], least: 2 },
  { keyword: 'tries', spellings: ['tries'], least: 3 },
  { keyword: 'retry', spellings: ['retry', 'retries'], least: 3 },
  { keyword: 'timeout', spellings: ['timeout'], least: 2 },
];

function keywordOf(text: string): Keyword | undefined {
  return KEYWORDS.find((k) => text.length >= k.least && k.spellings.some((s) => s.startsWith(text)))?.keyword;
}

function asType(word: string): QueryType | undefined {
  const upper = word.toUpperCase();
  return QUERY_TYPES.find((t) => t === upper);
}

/** A non-negative integer option value, or undefined. */
function count(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Reads dig's arguments (argv without `dig`); `banner` is the version dig prints, e.g. `9.18.49-1~deb12u3-Debian`. */
export function parseDigArgs(args: readonly string[], banner: string): DigCommand {
  const display: DigDisplay = { question: true, answer: true, authority: true, additional: true, comments: true, stats: true };
  const cmd: DigCommand = { name: '.', type: 'A', search: false, short: false, printcmd: true, display, tries: 3, timeoutSeconds: 5 };
  let name: string | undefined;
  let typeSet = false;
  let openTypeClass = true;
  let greeted = false;
  let servers = 0;

  const greet = () => {
    if (greeted) return;
    greeted = true;
    if (!cmd.printcmd) return;
    const found = servers > 0 ? `; (${servers} server${servers > 1 ? 's' : ''} found)\n` : '';
    cmd.greeting = `\n; <<>> DiG ${banner} <<>> ${args.join(' ')}\n${found};; global options:${cmd.short ? ' +short' : ''} +cmd\n`;
  };

  const plus = (option: string) => {
    let [text, value] = option.toLowerCase().split(/=(.*)/s);
    let state = true;
    if (text.startsWith('no')) {
      text = text.slice(2);
      state = false;
    }
    const keyword = keywordOf(text);
    switch (keyword) {
      case 'all':
        Object.assign(display, { question: state, answer: state, authority: state, additional: state, comments: state, stats: state });
        cmd.printcmd = state;
        break;
      case 'answer':
      case 'authority':
      case 'additional':
      case 'question':
      case 'comments':
      case 'stats':
        display[keyword] = state;
        break;
      case 'cmd':
        cmd.printcmd = state;
        break;
      case 'short':
        cmd.short = state;
        if (state) {
          cmd.printcmd = false;
          Object.assign(display, { question: false, answer: true, authority: false, additional: false, comments: false, stats: false });
        }
        break;
      case 'search':
      case 'defname':
        cmd.search = state;
        break;
      case 'tries': {
        const n = count(value);
        if (state && n !== undefined) cmd.tries = Math.max(n, 1);
        break;
      }
      case 'retry': {
        const n = count(value);
        if (state && n !== undefined) cmd.tries = n + 1;
        break;
      }
      case 'timeout': {
        const n = count(value);
        if (state && n !== undefined) cmd.timeoutSeconds = Math.max(n, 1);
        break;
      }
      default:
        break;
    }
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('@')) {
      cmd.server = arg.slice(1);
      servers = 1;
    } else if (arg.startsWith('+')) plus(arg.slice(1));
    else if (arg.startsWith('-') && arg.length > 1) {
      const opt = arg[1];
      if (!DASH_WITH_VALUE.includes(opt)) continue;
      const value = arg.length > 2 ? arg.slice(2) : args[++i];
      if (value === undefined) continue;
      if (opt === 't') {
        openTypeClass = false;
        const type = asType(value);
        if (type) {
          cmd.type = type;
          typeSet = true;
        }
      } else if (opt === 'c') openTypeClass = false;
      else if (opt === 'x') {
        name = reverseName(value) ?? value;
        if (!typeSet) cmd.type = 'PTR';
        greet();
      } else if (opt === 'q') {
        name = value;
        greet();
      }
    } else {
      // A bare type or class name is the type or class while no -t or -c came (dig.c parse_args).
      const type = openTypeClass ? asType(arg) : undefined;
      if (type) {
        cmd.type = type;
        typeSet = true;
      } else if (!(openTypeClass && CLASSES.includes(arg.toUpperCase()))) {
        name = arg;
        greet();
      }
    }
  }
  if (name === undefined) {
    cmd.type = 'NS';
    greet();
  } else cmd.name = name;
  return cmd;
}
