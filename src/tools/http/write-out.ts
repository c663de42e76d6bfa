/**
 * curl's -w/--write-out (src/tool_writeout.c): `%{variable}` replaced by the
 * transfer's values, `%%` a percent sign, `\n` `\r` `\t` `\\` escapes; an
 * unknown variable warns on stderr (curl 7.88.1 on this machine:
 * `curl: unknown --write-out variable: 'foo'`) and prints nothing.
 * http_code is three digits (`000` when no response came).
 */

export interface TransferFacts {
  httpCode: number;
  remoteIP: string;
  remotePort: number;
  localIP: string;
  localPort: number;
  sizeDownload: number;
  sizeHeader: number;
  urlEffective: string;
  contentType?: string;
  /** Where a redirect not followed (no -L) would have gone, absolute (CURLINFO_REDIRECT_URL). */
  redirectUrl?: string;
  /** Seconds, as curl's timers report them. */
  timeTotal: number;
  timeConnect: number;
  timeNameLookup: number;
  numRedirects: number;
  exitCode: number;
  scheme: string;
  method: string;
  sslVerifyResult: number;
}

function seconds(value: number): string {
  return value.toFixed(6);
}

function variable(name: string, f: TransferFacts): string | undefined {
  switch (name) {
    case 'http_code':
    case 'response_code':
      return String(f.httpCode).padStart(3, '0');
    case 'remote_ip':
      return f.remoteIP;
    case 'remote_port':
      return f.remotePort ? String(f.remotePort) : '';
    case 'local_ip':
      return f.localIP;
    case 'local_port':
      return f.localPort ? String(f.localPort) : '';
    case 'size_download':
      return String(f.sizeDownload);
    case 'size_header':
      return String(f.sizeHeader);
    case 'url_effective':
      return f.urlEffective;
    case 'content_type':
      return f.contentType ?? '';
    case 'redirect_url':
      return f.redirectUrl ?? '';
    case 'time_total':
      return seconds(f.timeTotal);
    case 'time_connect':
      return seconds(f.timeConnect);
    case 'time_namelookup':
      return seconds(f.timeNameLookup);
    case 'num_redirects':
      return String(f.numRedirects);
    case 'exitcode':
      return String(f.exitCode);
    case 'scheme':
      return f.scheme.toUpperCase();
    case 'method':
      return f.method;
    case 'ssl_verify_result':
      return String(f.sslVerifyResult);
    default:
      return undefined;
  }
}

/** The formatted text and any warnings for stderr. */
export function formatWriteOut(format: string, facts: TransferFacts): { text: string; warnings: string } {
  let text = '';
  let warnings = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '%' && format[i + 1] === '%') {
      text += '%';
      i++;
    } else if (c === '%' && format[i + 1] === '{') {
      const end = format.indexOf('}', i + 2);
      if (end < 0) {
        text += c;
        continue;
      }
      const name = format.slice(i + 2, end);
      const value = variable(name, facts);
      if (value === undefined) warnings += `curl: unknown --write-out variable: '${name}'\n`;
      else text += value;
      i = end;
    } else if (c === '\\' && i + 1 < format.length) {
      const next = format[i + 1];
      const escaped = next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : next === '\\' ? '\\' : undefined;
      if (escaped === undefined) text += c;
      else {
        text += escaped;
        i++;
      }
    } else text += c;
  }
  return { text, warnings };
}
