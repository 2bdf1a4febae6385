import { LANGS, type Lang } from '../schemas/fields.ts';

/** `getStaticPaths` entries for one page per language. */
export function langPaths(): { params: { lang: Lang }; props: { lang: Lang } }[] {
  return LANGS.map((lang) => ({ params: { lang }, props: { lang } }));
}

/**
 * `getStaticPaths` entries for one page per language and per item of `items`; with `cacheKeyOf`, each
 * carries a cache key, so an incremental build renders the page again only when its key changes.
 */
export function langItemPaths<T, K extends string>(
  items: readonly T[],
  param: K,
  keyOf: (item: T) => string,
  cacheKeyOf?: (item: T) => string,
): {
  params: { lang: Lang } & Record<K, string>;
  props: { lang: Lang; item: T };
  cacheKey?: string;
}[] {
  // One key per item, shared by its pages in both languages.
  const cacheKeys = items.map((item) => cacheKeyOf?.(item));
  return LANGS.flatMap((lang) =>
    items.map((item, index) => {
      const cacheKey = cacheKeys[index];
      return {
        params: { lang, [param]: keyOf(item) } as { lang: Lang } & Record<K, string>,
        props: { lang, item },
        ...(cacheKey === undefined ? {} : { cacheKey }),
      };
    }),
  );
}
