/**
 * The order of mapping keys in kubectl's YAML output.
 *
 * kubectl marshals through sigs.k8s.io/yaml, which decodes the JSON into generic maps and
 * re-encodes them with go-yaml v2; go-yaml sorts map keys with keyList.Less (gopkg.in/yaml.v2
 * sorter.go): letters compare by code point, a non-letter sorts before a letter, and runs of
 * digits compare by numeric value (`z9` < `z10`, `z1` < `z01`).
 */

function isLetter(ch: string): boolean {
  return /\p{L}/u.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Nd}/u.test(ch);
}

function digitValue(ch: string): number {
  return ch.charCodeAt(0) - 48;
}

/** keyList.Less for two string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      // A zero inside a longer number does not start a new number.
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + digitValue(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + digitValue(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

/** Sorts keys as go-yaml v2 does before emitting a map. */
export function sortYamlKeys(keys: string[]): string[] {
  return [...keys].sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
}
