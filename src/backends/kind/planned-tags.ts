/**
 * The tags of the feature files a run will execute, to decide which addons
 * the cluster needs before cucumber starts. Every tag of a planned file
 * counts, not just the planned scenarios' own: at worst an addon is installed
 * that no scenario uses, never one missing.
 */

/** Tag names (without @) on the tag lines of Gherkin texts; comment lines are ignored. */
export function tagsOfFeatures(texts: readonly string[]): Set<string> {
  const tags = new Set<string>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const trimmed = line.trim();
      if (!trimmed.startsWith('@')) continue;
      for (const word of trimmed.split(/\s+/)) {
        if (word.startsWith('#')) break;
        if (word.startsWith('@') && word.length > 1) tags.add(word.slice(1));
      }
    }
  }
  return tags;
}
