import { conflictingRemarks } from '../lib/triage.ts';
import { SOURCE_PATHS, type SourceFile } from './files.ts';
import type { NoteRefs, Project } from './load.ts';
import type { Problem } from './problems.ts';
import { parseYaml, type YamlSource } from './yaml-source.ts';

/** A data file's YAML, parsed only when a problem needs a line number. */
function lazySource(files: readonly SourceFile[], path: string): Pick<YamlSource, 'lineOf'> {
  let source: YamlSource | undefined;
  return {
    lineOf: (at) =>
      (source ??= parseYaml(files.find((file) => file.path === path)?.text ?? '')).lineOf(at),
  };
}

/** Which referenced collections loaded without problems; references into a broken one are not checked, to avoid noise. */
export type Loaded = Record<'releases' | 'teams' | 'components' | 'areas', boolean>;

/** References between files: releases, ids, areas, teams, components and notes a note names exist. */
export function checkReferences(
  project: Project,
  notes: readonly NoteRefs[],
  files: readonly SourceFile[],
  loaded: Loaded,
): Problem[] {
  const problems: Problem[] = [];
  const releases = new Map(project.releases.map((release) => [release.id, release]));
  const teamIds = new Set(project.teams.map((team) => team.id));
  const componentIds = new Set(project.components.map((component) => component.id));
  const areaIds = new Set(project.areas.map((area) => area.id));
  const firstFileOfId = new Map<string, string>();
  const sample = (ids: Set<string>) =>
    [...ids].sort().slice(0, 8).join(', ') + (ids.size > 8 ? ', …' : '');

  const noteIds = new Set(notes.flatMap((note) => (note.id === undefined ? [] : [note.id])));
  for (const note of notes) {
    const at = (path: PropertyKey[], field: string, found: string, expected: string) =>
      problems.push({ file: note.file, line: note.lineOf(path), field, found, expected });
    const release = releases.get(note.release);
    if (!release) {
      if (loaded.releases) {
        at(
          ['release'],
          'release',
          `"${note.release}"`,
          `a release defined in data/releases/ (${sample(new Set(releases.keys()))})`,
        );
      }
    } else if (note.id !== undefined && !note.id.startsWith(`${release.idPrefix}-`)) {
      at(
        ['id'],
        'id',
        `"${note.id}"`,
        `an id starting with "${release.idPrefix}-" (the idPrefix of ${release.id})`,
      );
    }
    if (note.id !== undefined) {
      const earlier = firstFileOfId.get(note.id);
      if (earlier) at(['id'], 'id', `"${note.id}"`, `an id no other note uses (${earlier} has it)`);
      else firstFileOfId.set(note.id, note.file);
    }
    if (note.area !== undefined && loaded.areas && !areaIds.has(note.area)) {
      at(
        ['area'],
        'area',
        `"${note.area}"`,
        `an area defined in ${SOURCE_PATHS.areas} (${sample(areaIds)})`,
      );
    }
    note.teams.forEach((team, index) => {
      if (loaded.teams && !teamIds.has(team))
        at(
          ['teams', index],
          `teams[${index}]`,
          `"${team}"`,
          `a team defined in ${SOURCE_PATHS.teams} (${sample(teamIds)})`,
        );
    });
    for (const link of note.links) {
      if (link.id === note.id || !noteIds.has(link.id)) {
        at(
          [link.field, link.index],
          `${link.field}[${link.index}]`,
          `"${link.id}"`,
          'the id of another note',
        );
      }
    }
    note.components.forEach((component, index) => {
      if (loaded.components && !componentIds.has(component)) {
        at(
          ['components', index],
          `components[${index}]`,
          `"${component}"`,
          `a component defined in ${SOURCE_PATHS.components} (${sample(componentIds)})`,
        );
      }
    });
  }
  if (loaded.areas && loaded.teams) {
    const source = lazySource(files, SOURCE_PATHS.areas);
    for (const area of project.areas) {
      area.teams.forEach((team, index) => {
        if (teamIds.has(team)) return;
        problems.push({
          file: SOURCE_PATHS.areas,
          line: source.lineOf([area.id, 'teams', index]),
          field: `${area.id}.teams[${index}]`,
          found: `"${team}"`,
          expected: `a team defined in ${SOURCE_PATHS.teams} (${sample(teamIds)})`,
        });
      });
    }
  }
  for (const release of project.releases) {
    const file = `${SOURCE_PATHS.releases}/${release.id}.yaml`;
    const source = lazySource(files, file);
    release.remarks.forEach((remark, index) => {
      if (remark.area !== undefined && loaded.areas && !areaIds.has(remark.area)) {
        problems.push({
          file,
          line: source.lineOf(['remarks', index, 'area']),
          field: `remarks[${index}].area`,
          found: `"${remark.area}"`,
          expected: `an area defined in ${SOURCE_PATHS.areas} (${sample(areaIds)})`,
        });
      }
    });
    for (const [earlier, index] of conflictingRemarks(release)) {
      problems.push({
        file,
        line: source.lineOf(['remarks', index, 'impact']),
        field: `remarks[${index}].impact`,
        found: `"${release.remarks[index]?.impact}"`,
        expected: `the verdict remarks[${earlier}] states for the same section and area ("${release.remarks[earlier]?.impact}"), or no impact`,
      });
    }
  }
  return problems;
}
