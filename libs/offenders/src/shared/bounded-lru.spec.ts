import { BoundedLru } from './bounded-lru';

describe('a cache bounded by the events its entries stand for', () => {
  const lru = () => new BoundedLru<number>(10, (events) => events);

  it('drops the offenders read longest ago once the events kept pass the bound', () => {
    const cache = lru();
    cache.set('a', 4);
    cache.set('b', 4);
    cache.get('a');
    cache.set('c', 4);
    expect(cache.peek('a')).toBe(4);
    expect(cache.peek('b')).toBeUndefined();
    expect(cache.peek('c')).toBe(4);
    expect(cache.size).toEqual({ entries: 2, weight: 8 });
  });

  it('does not keep an offender with more events than the whole bound', () => {
    const cache = lru();
    cache.set('a', 3);
    cache.set('huge', 11);
    expect(cache.peek('huge')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 1, weight: 3 });
  });

  it('counts a replaced or deleted entry out of the total', () => {
    const cache = lru();
    cache.set('a', 3);
    cache.set('a', 5);
    expect(cache.size).toEqual({ entries: 1, weight: 5 });
    cache.delete('a');
    expect(cache.size).toEqual({ entries: 0, weight: 0 });
  });
});
