import { describe, expect, test } from 'vitest';
import { normaliseQuery, wordSubsets } from '../../src/scripts/search-query.ts';

describe('normaliseQuery', () => {
  test.each([
    ['#49976', {}, ['49976']],
    ['  kubelet   storage ', {}, ['kubelet', 'storage']],
    ['--feature-gates', {}, ['feature-gates']],
    ['kube-proxy - #', {}, ['kube-proxy']],
    ['k8s-1.7-pr-45642', { splitHyphens: true }, ['k8s', '1.7', 'pr', '45642']],
    ['--feature-gates 存储', { splitHyphens: true }, ['feature', 'gates', '存储']],
  ])('%j %j → %j', (query, options, words) => {
    expect(normaliseQuery(query, options)).toEqual(words);
  });
});

describe('wordSubsets', () => {
  test('largest first, in the words order', () => {
    expect(wordSubsets(['a', 'b', 'c'])).toEqual([
      [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'c'],
      ],
      [['a'], ['b'], ['c']],
    ]);
  });

  test('one word has no subset to try', () => {
    expect(wordSubsets(['a'])).toEqual([]);
  });

  test('a long query drops words from the end', () => {
    const words = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(wordSubsets(words)[0]).toEqual([['a', 'b', 'c', 'd', 'e', 'f']]);
    expect(wordSubsets(words)).toHaveLength(6);
  });
});
