import sax from 'sax';

/** One element of a parsed XML document. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

/** Parses XML with a strict (well-formedness checking) parser; throws on any error. */
export function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true, { xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, text: '', children: [] };
  const stack: XmlElement[] = [root];
  parser.onopentag = (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: Object.fromEntries(
        Object.entries(tag.attributes).map(([key, value]) => [key, String(value)]),
      ),
      text: '',
      children: [],
    };
    stack.at(-1)?.children.push(element);
    stack.push(element);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.onerror = (error) => {
    throw error;
  };
  parser.write(xml).close();
  const [document] = root.children;
  if (!document) throw new Error('no root element');
  return document;
}

/** The children of an element with a name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

// RFC 3339 date-time (Atom's date construct, RFC 4287 §3.3).
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The problems of an Atom feed by the rules of RFC 4287 that readers depend on: a `feed` root in the
 * Atom namespace; exactly one `id`, `title` and `updated` on the feed and each entry; ids absolute IRIs;
 * dates RFC 3339; a `self` link; every link absolute; an author on every entry (none on the feed).
 */
export function atomProblems(xml: string): string[] {
  const feed = parseXml(xml);
  const problems: string[] = [];
  if (feed.name !== 'feed') problems.push(`root is <${feed.name}>, not <feed>`);
  if (feed.attributes['xmlns'] !== 'http://www.w3.org/2005/Atom')
    problems.push('not the Atom namespace');
  const checkCommon = (element: XmlElement, where: string) => {
    for (const name of ['id', 'title', 'updated']) {
      const count = childrenNamed(element, name).length;
      if (count !== 1) problems.push(`${where}: ${count} <${name}>, expected 1`);
    }
    const id = childrenNamed(element, 'id')[0]?.text ?? '';
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(id))
      problems.push(`${where}: id "${id}" is not an absolute IRI`);
    const updated = childrenNamed(element, 'updated')[0]?.text ?? '';
    if (!RFC_3339.test(updated) || Number.isNaN(Date.parse(updated))) {
      problems.push(`${where}: updated "${updated}" is not an RFC 3339 date`);
    }
    for (const link of childrenNamed(element, 'link')) {
      const href = link.attributes['href'] ?? '';
      if (!/^https?:\/\/[^/]/.test(href)) problems.push(`${where}: link "${href}" is not absolute`);
    }
  };
  checkCommon(feed, 'feed');
  if (!childrenNamed(feed, 'link').some((link) => link.attributes['rel'] === 'self')) {
    problems.push('feed: no rel="self" link');
  }
  childrenNamed(feed, 'entry').forEach((entry, index) => {
    checkCommon(entry, `entry ${index}`);
    if (childrenNamed(entry, 'author').length === 0) problems.push(`entry ${index}: no author`);
    if (
      !childrenNamed(entry, 'link').some(
        (link) => (link.attributes['rel'] ?? 'alternate') === 'alternate',
      )
    ) {
      problems.push(`entry ${index}: no alternate link`);
    }
  });
  const ids = childrenNamed(feed, 'entry').map((entry) => childrenNamed(entry, 'id')[0]?.text);
  if (new Set(ids).size !== ids.length) problems.push('entry ids are not unique');
  return problems;
}
