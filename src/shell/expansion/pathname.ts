/**
 * Pathname expansion (XCU 2.6.6): a word with unquoted `*`, `?` or `[` becomes
 * the sorted names it matches in the file system. `/` is matched only
 * literally, and a leading `.` only by a literal `.`. Names sort in byte
 * order, as dash sorts them in the C locale.
 */
import type { FileSystem } from '../types.ts';
import { hasPatternCharacters, patternRegExp, unescapePattern } from './pattern.ts';

/** The paths `pattern` matches under `cwd`, sorted; empty when nothing matches. */
export function expandPathname(pattern: string, fs: FileSystem, cwd: string): string[] {
  const absolute = pattern.startsWith('/');
  const components = splitComponents(pattern);
  // Each candidate: the path as it will print, and where it is.
  let candidates: Array<{ shown: string; at: string }> = [{ shown: absolute ? '/' : '', at: absolute ? '/' : cwd }];
  for (let index = 0; index < components.length; index++) {
    const component = components[index];
    const last = index === components.length - 1;
    const next: Array<{ shown: string; at: string }> = [];
    if (component === '') continue;
    for (const { shown, at } of candidates) {
      if (!hasPatternCharacters(component)) {
        const name = unescapePattern(component);
        const path = fs.resolve(at, name);
        if (last ? fs.exists(path) : fs.isDirectory(path)) next.push({ shown: join(shown, name), at: path });
        continue;
      }
      const names = fs.list(at);
      if (!names) continue;
      const re = patternRegExp(component, { pathname: true });
      const dotAllowed = component.startsWith('.') || component.startsWith('\\.');
      for (const name of names) {
        if (name.startsWith('.') && !dotAllowed) continue;
        if (!re.test(name)) continue;
        const path = fs.resolve(at, name);
        if (!last && !fs.isDirectory(path)) continue;
        next.push({ shown: join(shown, name), at: path });
      }
    }
    candidates = next;
    if (candidates.length === 0) return [];
  }
  const trailingSlash = pattern.endsWith('/') ? '/' : '';
  return candidates.map((c) => c.shown + trailingSlash).sort(compareBytes);
}

function join(shown: string, name: string): string {
  if (shown === '') return name;
  return shown.endsWith('/') ? shown + name : `${shown}/${name}`;
}

/** Splits on unescaped `/`. */
function splitComponents(pattern: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      current += c + pattern[++i];
    } else if (c === '/') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.filter((c, i) => c !== '' || i === out.length - 1);
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
