import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { List, SimpleCommand, Word } from './ast.ts';
import { Parser, parseScript } from './parser.ts';
import { ShellSyntaxError, describeSyntaxProblem } from './syntax-error.ts';

function firstCommand(list: List) {
  return list.items[0].command.first.commands[0];
}

function syntaxError(source: string, dialect: 'ash' | 'dash'): string {
  try {
    parseScript(source, dialect);
  } catch (error) {
    if (error instanceof ShellSyntaxError) return `${error.line}: ${describeSyntaxProblem(error.problem, dialect)}`;
    throw error;
  }
  return 'parsed';
}

describe('parser: syntax errors', () => {
  // Expected texts: `busybox sh -c` (BusyBox 1.35.0) and `dash -c` (0.5.12) on this machine; dash prints the line.
  const table: Array<[string, string, string]> = [
    ["echo 'abc", '1: syntax error: unterminated quoted string', '1: Syntax error: Unterminated quoted string'],
    ['| ls', '1: syntax error: unexpected "|"', '1: Syntax error: "|" unexpected'],
    ['ls |', '1: syntax error: unexpected end of file', '1: Syntax error: end of file unexpected'],
    ['ls ;;', '1: syntax error: unexpected ";;"', '1: Syntax error: ";;" unexpected'],
    ['if true; then', '1: syntax error: unexpected end of file (expecting "fi")', '1: Syntax error: end of file unexpected (expecting "fi")'],
    ['for x in a b; echo', '1: syntax error: unexpected word (expecting "do")', '1: Syntax error: word unexpected (expecting "do")'],
    ['echo $(ls', '1: syntax error: unexpected end of file (expecting ")")', '1: Syntax error: end of file unexpected (expecting ")")'],
    ['echo ${x', "1: syntax error: missing '}'", "1: Syntax error: Missing '}'"],
    ['echo `ls', '1: syntax error: EOF in backquote substitution', '1: Syntax error: EOF in backquote substitution'],
    ['echo $((1+2', "1: syntax error: missing '))'", "1: Syntax error: Missing '))'"],
    ['echo >\n', '2: syntax error: unexpected newline', '2: Syntax error: newline unexpected'],
    ['if\nthen', '2: syntax error: unexpected "then"', '2: Syntax error: "then" unexpected'],
    ['echo a\necho "b\n', '3: syntax error: unterminated quoted string', '3: Syntax error: Unterminated quoted string'],
    ['case x in a echo', '1: syntax error: unexpected word (expecting ")")', '1: Syntax error: word unexpected (expecting ")")'],
    ['case x in a)', '1: syntax error: unexpected end of file (expecting ";;")', '1: Syntax error: end of file unexpected (expecting ";;")'],
    ['{ echo a; )', '1: syntax error: unexpected ")" (expecting "}")', '1: Syntax error: ")" unexpected (expecting "}")'],
    ['while true; do; done', '1: syntax error: unexpected ";"', '1: Syntax error: ";" unexpected'],
    ['for 1 in a; do :; done', '1: syntax error: bad for loop variable', '1: Syntax error: Bad for loop variable'],
    ['f-g() { :; }', '1: syntax error: bad function name', '1: Syntax error: Bad function name'],
    ['x=1 f() { :; }', '1: syntax error: unexpected "("', '1: Syntax error: "(" unexpected'],
    ['! ! true', '1: syntax error: unexpected "!"', '1: Syntax error: "!" unexpected'],
    ['echo a &; echo b', '1: syntax error: unexpected ";"', '1: Syntax error: ";" unexpected'],
    ['(', '1: syntax error: unexpected end of file (expecting ")")', '1: Syntax error: end of file unexpected (expecting ")")'],
  ];
  for (const [source, ash, dash] of table) {
    it(JSON.stringify(source), () => {
      expect(syntaxError(source, 'ash')).to.equal(ash);
      expect(syntaxError(source, 'dash')).to.equal(dash);
    });
  }
});

describe('parser: what it builds', () => {
  it('splits assignments, words and redirections of a simple command', () => {
    const command = firstCommand(parseScript('A=1 B=x kubectl get pods 2>&1 >out')) as SimpleCommand;
    expect(command.assignments.map((a) => a.name)).to.deep.equal(['A', 'B']);
    expect(command.words.map((w) => (w.parts[0] as { value: string }).value)).to.deep.equal(['kubectl', 'get', 'pods']);
    expect(command.redirections.map((r) => [r.fd, r.op])).to.deep.equal([
      [2, '>&'],
      [undefined, '>'],
    ]);
  });

  it('reads word parts: quotes, escapes, expansions', () => {
    const word = (firstCommand(parseScript(`echo a'b c'"d$x\${y:-z}"\\ $(ls)\`pwd\`$((1+2))`)) as SimpleCommand).words[1];
    expect(word.parts.map((p) => p.type)).to.deep.equal(['literal', 'quoted', 'double', 'quoted', 'command', 'command', 'arithmetic']);
    const double = word.parts[2] as { parts: Word['parts'] };
    expect(double.parts.map((p) => p.type)).to.deep.equal(['quoted', 'parameter', 'parameter']);
  });

  it('fills a here-document body from the lines after its command', () => {
    const source = 'cat > ca-config.json <<EOF\n{ "home": "$HOME" }\nEOF\necho done';
    const list = parseScript(source);
    const cat = firstCommand(list) as SimpleCommand;
    const heredoc = cat.redirections[1].heredoc!;
    expect(heredoc.delimiter).to.equal('EOF');
    expect(heredoc.quoted).to.equal(false);
    expect(list.items).to.have.length(2);
  });

  it('reads a command substitution with a case inside (the parser reads it, not a bracket counter)', () => {
    const command = firstCommand(parseScript('echo $(case x in x) echo yes;; esac)')) as SimpleCommand;
    expect(command.words[1].parts[0].type).to.equal('command');
  });

  it('treats a reserved word as a word where no command starts', () => {
    const command = firstCommand(parseScript('echo if then fi }')) as SimpleCommand;
    expect(command.words).to.have.length(5);
  });

  it('gives each complete command with its source text, here-documents included', () => {
    const parser = new Parser('echo one\ncat <<EOF\nbody\nEOF\n\n  echo three # comment\n');
    const texts: string[] = [];
    while (parser.nextCompleteCommand()) texts.push(parser.commandText());
    expect(texts).to.deep.equal(['echo one', 'cat <<EOF\nbody\nEOF', 'echo three # comment']);
  });
});
