/** Release versions as the changelogs write them (`v1.8.0`, `v1.8.0-alpha.2`), ordered. */

/** A parsed version: major.minor.patch and an optional pre-release (`alpha.2`). */
export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** `alpha` < `beta` < `rc` < (none); other labels sort before `alpha`. */
  pre?: { label: string; number: number };
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z]+)(?:\.(\d+))?)?$/;

/** Parses `v1.8.0-alpha.2` (the `v` is optional); undefined when it is not a version. */
export function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  const [, major = '0', minor = '0', patch = '0', label, num] = match;
  return {
    major: Number(major),
    minor: Number(minor),
    patch: Number(patch),
    ...(label ? { pre: { label: label.toLowerCase(), number: Number(num ?? 0) } } : {}),
  };
}

const PRE_ORDER = ['alpha', 'beta', 'rc'];

function preRank(version: Version): number {
  if (!version.pre) return PRE_ORDER.length + 1;
  const rank = PRE_ORDER.indexOf(version.pre.label);
  return rank === -1 ? -1 : rank;
}

/** Sort comparator: older versions first. */
export function compareVersions(a: Version, b: Version): number {
  return (
    a.major - b.major ||
    a.minor - b.minor ||
    a.patch - b.patch ||
    preRank(a) - preRank(b) ||
    (a.pre?.number ?? 0) - (b.pre?.number ?? 0)
  );
}

/** The same version written the changelog's way, with a `v`: `v1.8.0-alpha.2`. */
export function formatVersion(version: Version): string {
  const pre = version.pre ? `-${version.pre.label}.${version.pre.number}` : '';
  return `v${version.major}.${version.minor}.${version.patch}${pre}`;
}
