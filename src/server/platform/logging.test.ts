import { describe, expect, it } from 'vitest';
import { maskUrl } from './logging.js';

describe('maskUrl', () => {
  it('masks NIPs and other long digit runs in logged URLs', () => {
    expect(maskUrl('/api/civil-servants?q=198503142010011002&page=2')).toBe(
      '/api/civil-servants?q=19****************&page=2',
    );
    expect(maskUrl('/api/work-units?page=12')).toBe('/api/work-units?page=12');
  });
});
