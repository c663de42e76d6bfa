/**
 * `cfssljson [-f FILE] [-bare] [-stdout] [BASENAME]` (cmd/cfssljson of cfssl
 * 1.2): reads cfssl's JSON (bare, or wrapped in the API's
 * {"success":...,"result":...}) and writes BASENAME.pem, BASENAME-key.pem and
 * BASENAME.csr for the "cert", "key" and "csr" it finds (BASENAME defaults to
 * "cert"). `cfssljson -bare ca -` reads stdin: "-" is the default of -f and
 * the second argument is ignored, as in Go.
 */
import type { Program } from '../../shell/types.ts';
import { goReadFile, goWriteFile } from './go-files.ts';
import { parseGoFlags } from './go-flags.ts';
import { decodeGoJson, goString } from './go-json.ts';

const USAGE =
  'Usage of cfssljson:\n' +
  '  -bare\n    \tthe response from CFSSL is not wrapped in the API standard response\n' +
  '  -f string\n    \tJSON input (default "-")\n' +
  '  -stdout\n    \toutput the response instead of saving to a file\n';

/** The keys each output file takes its contents from, first found wins. */
const OUTPUTS: Array<{ keys: string[]; suffix: string }> = [
  { keys: ['cert', 'certificate'], suffix: '.pem' },
  { keys: ['key', 'private_key'], suffix: '-key.pem' },
  { keys: ['csr', 'certificate_request'], suffix: '.csr' },
];

export function cfssljsonProgram(): Program {
  return (ctx) => {
    const flags = parseGoFlags(ctx.argv.slice(1), { bare: 'bool', f: 'string', stdout: 'bool' });
    if (!flags.ok) return { stdout: '', stderr: `${flags.error}\n${USAGE}`, exitCode: 2 };
    const baseName = flags.rest[0] ?? 'cert';
    const input = goReadFile(ctx, flags.values.get('f') ?? '-');
    if (!input.ok) return { stdout: '', stderr: `Failed to read input: ${input.error}\n`, exitCode: 1 };
    let result: Record<string, unknown>;
    if (flags.values.get('bare') === 'true') {
      // Into a map[string]interface{}: any object will do.
      const direct = decodeGoJson(input.text, { kind: 'struct', name: 'map[string]interface {}', fields: {} });
      if (!direct.ok) return { stdout: '', stderr: `Failed to parse input: ${direct.error}\n`, exitCode: 1 };
      result = (JSON.parse(input.text) ?? {}) as Record<string, unknown>;
    } else {
      const decoded = decodeGoJson(input.text, {
        kind: 'struct',
        name: 'main.Response',
        fields: { success: { kind: 'bool' }, result: { kind: 'map', of: goString }, errors: { kind: 'slice', of: { kind: 'struct', name: 'main.ResponseMessage', fields: { message: goString } } } },
      });
      if (!decoded.ok) return { stdout: '', stderr: `Failed to parse input: ${decoded.error}\n`, exitCode: 1 };
      const response = decoded.value as { success?: boolean; result?: Record<string, unknown>; errors?: Array<{ message?: string }> };
      if (!response.success) {
        return { stdout: '', stderr: `Request failed:\n${(response.errors ?? []).map((e) => `\t${e.message ?? ''}\n`).join('')}`, exitCode: 1 };
      }
      result = response.result ?? {};
    }
    let stdout = '';
    for (const output of OUTPUTS) {
      const key = output.keys.find((k) => typeof result[k] === 'string');
      const contents = key === undefined ? '' : (result[key] as string);
      if (contents === '') continue;
      if (flags.values.get('stdout') === 'true') {
        stdout += `${contents}\n`;
        continue;
      }
      const error = goWriteFile(ctx, `${baseName}${output.suffix}`, contents);
      if (error) return { stdout, stderr: `${error}\n`, exitCode: 1 };
    }
    return { stdout, stderr: '', exitCode: 0 };
  };
}
