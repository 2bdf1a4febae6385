/**
 * Parser of the machine-readable release notes of later Kubernetes releases
 * (kubernetes-sigs/release-notes): one JSON object keyed by PR number, each value one PR's note
 * with `pr_number`, `pr_url`, `markdown` (and `text`), `author`, `kinds`, `sigs`, `areas`,
 * `action_required`, `documentation`, `duplicate`, `duplicate_kind`, `do_not_publish`, ….
 *
 * One object is one item. Objects marked `do_not_publish` (their text is "NONE") are left out, as
 * upstream leaves them out of the published notes; `duplicate` / `duplicate_kind` only say that
 * upstream shows the note under several SIGs or kinds, so those objects are kept.
 */
import type { Section } from '../sections.ts';
import { areaId, type KnownArea } from './areas.ts';
import { authorsIn, numberedRefs, refsOf, unique } from './links.ts';
import type { SkippedBlock, UpstreamItem } from './types.ts';

/** The result of parsing a JSON release-notes file: its items, or why the layout is not one. */
export type JsonParseResult =
  | { ok: true; version?: string; items: UpstreamItem[]; skipped: SkippedBlock[] }
  | { ok: false; error: string };

/** SIGs and area labels that say nothing about which part of the product changed. */
const GENERIC_LABELS = new Set([
  'testing',
  'release',
  'docs',
  'k8s-infra',
  'contributor-experience',
  'test',
  'dependency',
  'code-generation',
  'code-organization',
  'release-eng',
  'releaseeng',
  'e2e-test-framework',
  'conformance',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((entry): entry is string => typeof entry === 'string')
    : [];
}

/** The section of a note from its kinds: deprecation, then feature, then everything else. */
function kindSections(kinds: readonly string[]): Section[] {
  const sections: Section[] = [];
  if (kinds.includes('deprecation')) sections.push('deprecations');
  if (kinds.includes('feature')) sections.push('notable-features');
  if (kinds.some((kind) => kind !== 'deprecation' && kind !== 'feature') || sections.length === 0) {
    sections.push('other-notable-changes');
  }
  return sections;
}

/**
 * Parses a release-notes JSON text. Section: `action-required` when `action_required`, else
 * `deprecations` for kind/deprecation, `notable-features` for kind/feature, `other-notable-changes`
 * otherwise; further kinds go to `alsoIn`. Area: the first SIG (then area label) that is a known
 * area, else the first meaningful SIG.
 */
export function parseReleaseNotesJson(
  text: string,
  knownAreas: readonly KnownArea[] = [],
): JsonParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  if (!isRecord(data)) {
    return {
      ok: false,
      error: `has an unknown layout: JSON ${Array.isArray(data) ? 'array' : typeof data}, expected an object of release notes keyed by PR number`,
    };
  }
  const entries = Object.entries(data);
  if (entries.length === 0) {
    return { ok: false, error: 'has an unknown layout: an empty JSON object, no release notes' };
  }
  const items: UpstreamItem[] = [];
  const skipped: SkippedBlock[] = [];
  let version: string | undefined;
  const known = new Set(knownAreas.map((area) => area.id));
  for (const [key, note] of entries) {
    const markdown = isRecord(note) ? (note['markdown'] ?? note['text']) : undefined;
    const prNumber = isRecord(note) ? note['pr_number'] : undefined;
    if (!isRecord(note) || typeof prNumber !== 'number' || typeof markdown !== 'string') {
      return {
        ok: false,
        error: `has an unknown layout: entry "${key}" is not a release note with pr_number and markdown`,
      };
    }
    if (note['do_not_publish'] === true) {
      skipped.push({ line: 0, reason: 'do-not-publish', where: key });
      continue;
    }
    if (typeof note['release_version'] === 'string' && version === undefined) {
      version = note['release_version'];
    }
    const prUrl =
      typeof note['pr_url'] === 'string'
        ? numberedRefs(note['pr_url'])[0]?.url
        : `https://github.com/kubernetes/kubernetes/pull/${prNumber}`;
    const refs = refsOf(markdown, markdown);
    const kinds = strings(note['kinds']);
    const kindSectionList = kindSections(kinds);
    const actionRequired = note['action_required'] === true;
    const [primary = 'other-notable-changes', ...rest] = actionRequired
      ? (['action-required', ...kindSectionList] as Section[])
      : kindSectionList;
    const candidates = [...strings(note['sigs']), ...strings(note['areas'])]
      .filter((label) => !GENERIC_LABELS.has(label))
      .map((label) => areaId(label, knownAreas));
    const area = candidates.find((candidate) => known.has(candidate)) ?? candidates[0];
    const documentation = Array.isArray(note['documentation']) ? note['documentation'] : [];
    items.push({
      version: typeof note['release_version'] === 'string' ? note['release_version'] : '',
      section: primary,
      alsoIn: rest,
      headings: [],
      groups: [],
      ...(area ? { area } : {}),
      text: markdown.trim(),
      line: 0,
      kind: 'json',
      prs: unique([...(prUrl ? [prUrl] : []), ...refs.prs]),
      issues: refs.issues,
      urls: refs.urls,
      links: unique(
        documentation.flatMap((doc) =>
          isRecord(doc) && typeof doc['url'] === 'string' ? [doc['url']] : [],
        ),
      ),
      authors: unique([
        ...(typeof note['author'] === 'string' ? [note['author']] : []),
        ...authorsIn(markdown),
      ]),
      actionRequired,
    });
  }
  return { ok: true, ...(version === undefined ? {} : { version }), items, skipped };
}
