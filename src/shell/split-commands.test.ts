import { describe, it } from 'node:test';
import { expect } from 'chai';
import { splitCommands } from './split-commands.ts';

describe('splitCommands', () => {
  it('gives one entry per line, keeping lists and pipes together', () => {
    expect(splitCommands('kubectl get pods | grep web && echo ok\necho two; echo three\n')).to.deep.equal(['kubectl get pods | grep web && echo ok', 'echo two; echo three']);
  });
  it('keeps a here-document with its command (seed 003)', () => {
    expect(splitCommands('cat > ca-config.json <<EOF\n{ "a": 1 }\nEOF\ncfssl gencert -initca ca-csr.json')).to.deep.equal(['cat > ca-config.json <<EOF\n{ "a": 1 }\nEOF', 'cfssl gencert -initca ca-csr.json']);
  });
  it('hands a syntax error to the real shell whole', () => {
    expect(splitCommands('echo ok\necho "open')).to.deep.equal(['echo ok', 'echo "open']);
  });
});
