/**
 * The exact command lines the DSL's place phrases stand for, so that every
 * backend runs the same thing a person would type.
 */

/** Quotes text as one POSIX shell word: single quotes, with `'` written as `'\''`. */
export function shellWord(text: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** ``When I run `COMMAND` in pod "NAME"`` is exactly `kubectl exec NAME -- sh -c 'COMMAND'`. */
export function execInPod(pod: string, command: string, options: { namespace?: string; container?: string } = {}): string {
  const flags = [options.namespace ? `-n ${shellWord(options.namespace)}` : '', options.container ? `-c ${shellWord(options.container)}` : '']
    .filter(Boolean)
    .join(' ');
  return `kubectl exec ${shellWord(pod)}${flags ? ' ' + flags : ''} -- sh -c ${`'${command.replace(/'/g, `'\\''`)}'`}`;
}
