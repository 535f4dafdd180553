import { readFileSync } from 'node:fs';

/**
 * The worked-example tables of a document under docs/ (e.g. `achievement.md`), for tests that
 * recompute every row: `tableUnder(heading)` gives the body rows (cells trimmed) of the first table
 * after the heading that starts with `heading`, without its header and separator rows.
 */
export function docTables(name: string) {
  const doc = readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8');
  return function tableUnder(heading: string): string[][] {
    const lines = doc.split('\n');
    const start = lines.findIndex((l) => l.startsWith('#') && l.replace(/^#+\s*/, '').startsWith(heading));
    if (start < 0) throw new Error(`No heading "${heading}" in docs/${name}`);
    const rows: string[][] = [];
    for (let i = start + 1; i < lines.length; i++) {
      const line = lines[i].trim();
      if (line.startsWith('#')) break;
      if (!line.startsWith('|')) {
        if (rows.length > 0) break;
        continue;
      }
      rows.push(
        line
          .slice(1, -1)
          .split('|')
          .map((c) => c.trim()),
      );
    }
    return rows.slice(2);
  };
}
