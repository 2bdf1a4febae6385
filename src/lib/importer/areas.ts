/** Turning upstream sub-headings and SIG labels into area ids like those of `data/areas.yaml`. */

/** An area the project knows: its id and the names it may appear under upstream. */
export interface KnownArea {
  id: string;
  names: readonly string[];
}

/** Upstream wordings (normalised: lowercase, markup stripped) of areas whose id is not their slug. */
const ALIASES: Record<string, string> = {
  network: 'networking',
  'sig network': 'networking',
  cli: 'kubectl',
  'cli changes': 'kubectl',
  'cloud provider': 'cloud-providers',
  'cloud provider enhancement': 'cloud-providers',
  'cloud-provider': 'cloud-providers',
  cloudprovider: 'cloud-providers',
  'cluster provisioning scripts': 'cluster-provisioning',
  'information for kubernetes clients': 'clients',
  'kube proxy': 'kube-proxy',
};

/** Heading text without Markdown emphasis, links and a trailing colon, whitespace collapsed. */
export function cleanHeading(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*:$/, '');
}

function normalise(text: string): string {
  return cleanHeading(text).toLowerCase();
}

/** Lowercase kebab slug of a text: letters and digits, words joined by `-`. */
export function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The area id of an upstream heading or label: the id of a known area whose name it is (`Information
 * for Kubernetes clients (openapi, swagger, client-go)` → `clients`), else a known alias (`Network` →
 * `networking`), else a slug of the text without a leading `SIG ` and without parenthesised remarks
 * (`kubectl (CLI)` → `kubectl`, `SIG Multi-cluster (formerly known as SIG Federation)` → `multi-cluster`).
 */
export function areaId(heading: string, known: readonly KnownArea[] = []): string {
  const text = normalise(heading);
  for (const area of known) {
    if (area.id === text || area.names.some((name) => normalise(name) === text)) return area.id;
  }
  const bare = text.replace(/^sig[ -]/, '');
  const withoutRemarks = bare.replace(/\s*\([^)]*\)/g, '').trim() || bare;
  for (const candidate of [text, bare, withoutRemarks]) {
    const alias = ALIASES[candidate];
    if (alias) return alias;
    const knownById = known.find((area) => area.id === kebab(candidate));
    if (knownById) return knownById.id;
  }
  return kebab(withoutRemarks) || kebab(bare) || 'unknown';
}
