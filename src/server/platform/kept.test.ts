import { describe, expect, it } from 'vitest';
import { keptValues } from './kept.js';

describe('keptValues', () => {
  it('gives the value back only under the same fingerprint and the same database handle', () => {
    const kept = keptValues<number>(4);
    const db = {};
    kept.put(db, 'a', 'f1', 1);
    expect(kept.peek(db, 'a', 'f1')).toBe(1);
    expect(kept.peek(db, 'a', 'f2')).toBeUndefined();
    expect(kept.peek({}, 'a', 'f1')).toBeUndefined();
    kept.put(db, 'a', 'f2', 2);
    expect(kept.peek(db, 'a', 'f1')).toBeUndefined();
    expect(kept.peek(db, 'a', 'f2')).toBe(2);
  });

  it('drops the least recently used beyond its size', () => {
    const kept = keptValues<string>(2);
    const db = {};
    kept.put(db, 'a', 'f', 'A');
    kept.put(db, 'b', 'f', 'B');
    expect(kept.peek(db, 'a', 'f')).toBe('A'); // a is now the most recently used
    kept.put(db, 'c', 'f', 'C');
    expect(kept.peek(db, 'b', 'f')).toBeUndefined();
    expect(kept.peek(db, 'a', 'f')).toBe('A');
    expect(kept.peek(db, 'c', 'f')).toBe('C');
  });
});
