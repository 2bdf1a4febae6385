/**
 * Filling a UI string: `{name}` takes the parameter's value, and `{name|one|other}` the word that fits
 * its number (`{count} {count|item|items}`), chosen by the language's plural rules. Build time only
 * (`t()`): the browser scripts fill plain `{name}` placeholders, within their 5 KB budget.
 */
export function fillTemplate(
  template: string,
  params: Record<string, string | number>,
  locale: string,
): string {
  const rules = new Intl.PluralRules(locale);
  return template
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (match, name: string, one: string, other: string) => {
      const value = params[name];
      return typeof value === 'number' ? (rules.select(value) === 'one' ? one : other) : match;
    })
    .replace(/\{(\w+)\}/g, (match, name: string) =>
      params[name] === undefined ? match : String(params[name]),
    );
}
