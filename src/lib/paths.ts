import { LANGS, type Lang } from '../schemas/fields.ts';

/** `getStaticPaths` entries for one page per language. */
export function langPaths(): { params: { lang: Lang }; props: { lang: Lang } }[] {
  return LANGS.map((lang) => ({ params: { lang }, props: { lang } }));
}

/** `getStaticPaths` entries for one page per language and per item of `items`. */
export function langItemPaths<T, K extends string>(
  items: readonly T[],
  param: K,
  keyOf: (item: T) => string,
): { params: { lang: Lang } & Record<K, string>; props: { lang: Lang; item: T } }[] {
  return LANGS.flatMap((lang) =>
    items.map((item) => ({
      params: { lang, [param]: keyOf(item) } as { lang: Lang } & Record<K, string>,
      props: { lang, item },
    })),
  );
}
