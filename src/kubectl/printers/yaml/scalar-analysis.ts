/**
 * Which YAML scalar styles can carry a given text: a port of yaml_emitter_analyze_scalar
 * (gopkg.in/yaml.v2 emitterc.go) for the Unicode-enabled emitter go-yaml's encoder uses.
 * Indicators at the start, `: ` and ` #` inside, leading or trailing blanks, line breaks and
 * non-printable characters rule out the plain style; some of them rule out the others too.
 */

export interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** is_break: LF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
export function isBreak(ch: string | undefined): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
}

/** is_space: only the ASCII space. */
export function isSpace(ch: string | undefined): boolean {
  return ch === ' ';
}

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** is_blankz: blank, break or NUL. */
function isBlankOrBreak(ch: string): boolean {
  return isBlank(ch) || isBreak(ch) || ch === '\0';
}

/**
 * is_printable: TAB is not printable; nor are C0/C1 controls, DEL, surrogates, U+FFFE/U+FFFF,
 * the BOM and — as go-yaml checks only up to three UTF-8 bytes — anything beyond the BMP.
 */
export function isPrintable(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  if (cp === 0x0a) return true;
  if (cp >= 0x20 && cp <= 0x7e) return true;
  if (cp >= 0xa0 && cp <= 0xd7ff) return true;
  if (cp >= 0xe000 && cp <= 0xfffd) return cp !== 0xfeff;
  return false;
}

const FIRST_INDICATORS = '#,[]{}&*!|>\'"%@`';

/** yaml_emitter_analyze_scalar. */
export function analyzeScalar(value: string): ScalarAnalysis {
  if (value === '') {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  const chars = [...value];
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }

  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const followedByWhitespace = chars[i + 1] === undefined || isBlank(chars[i + 1]);
    if (i === 0) {
      if (FIRST_INDICATORS.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (',?[]{}'.includes(ch)) {
      flowIndicators = true;
    } else if (ch === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }

    if (!isPrintable(ch)) specialCharacters = true;
    if (isSpace(ch)) {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrBreak(ch);
  }

  const result: ScalarAnalysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
  }
  if (trailingSpace) result.blockAllowed = false;
  if (breakSpace) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
    result.blockAllowed = false;
  }
  if (lineBreaks) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
  }
  if (flowIndicators) result.flowPlainAllowed = false;
  if (blockIndicators) result.blockPlainAllowed = false;
  return result;
}
