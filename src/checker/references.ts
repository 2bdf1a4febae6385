import { conflictingRemarks, GENERAL_AREA } from '../lib/triage.ts';
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
type Loaded = Record<'releases' | 'teams' | 'components' | 'areas', boolean>;

/** The ids notes and data files may refer to, and which collections loaded. */
interface Known {
  releases: Map<string, Project['releases'][number]>;
  teamIds: Set<string>;
  componentIds: Set<string>;
  areaIds: Set<string>;
  noteIds: Set<string>;
  loaded: Loaded;
}

/** Up to eight ids, sorted, for an `expected` that lists what exists. */
function sample(ids: Set<string>): string {
  return [...ids].sort().slice(0, 8).join(', ') + (ids.size > 8 ? ', …' : '');
}

/** A note's release, id prefix, unique id, area, teams, notes it links to and components. */
function checkNotes(notes: readonly NoteRefs[], known: Known): Problem[] {
  const { releases, teamIds, componentIds, areaIds, noteIds, loaded } = known;
  const problems: Problem[] = [];
  const firstFileOfId = new Map<string, string>();
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
    if (release?.translationComplete && note.pendingTranslation.length > 0) {
      at(
        ['pendingTranslation'],
        'pendingTranslation',
        `${note.pendingTranslation.join(', ')} pending`,
        `texts in both languages, since ${SOURCE_PATHS.releases}/${release.id}.yaml sets translationComplete`,
      );
    }
    if (note.id !== undefined) {
      const earlier = firstFileOfId.get(note.id);
      if (earlier) at(['id'], 'id', `"${note.id}"`, `an id no other note uses (${earlier} has it)`);
      else firstFileOfId.set(note.id, note.file);
    }
    if (note.area === GENERAL_AREA) {
      at(
        ['area'],
        'area',
        `"${GENERAL_AREA}"`,
        `no area field for an item upstream files under no sub-heading ("${GENERAL_AREA}" in ${SOURCE_PATHS.areas} only names its triaging teams)`,
      );
    } else if (note.area !== undefined && loaded.areas && !areaIds.has(note.area)) {
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
  return problems;
}

/** The teams that triage each area exist. */
function checkAreaTeams(project: Project, files: readonly SourceFile[], known: Known): Problem[] {
  if (!known.loaded.areas || !known.loaded.teams) return [];
  const source = lazySource(files, SOURCE_PATHS.areas);
  return project.areas.flatMap((area) =>
    area.teams.flatMap((team, index) =>
      known.teamIds.has(team)
        ? []
        : [
            {
              file: SOURCE_PATHS.areas,
              line: source.lineOf([area.id, 'teams', index]),
              field: `${area.id}.teams[${index}]`,
              found: `"${team}"`,
              expected: `a team defined in ${SOURCE_PATHS.teams} (${sample(known.teamIds)})`,
            },
          ],
    ),
  );
}

/** A release's remarks name existing areas and state one verdict per section and area. */
function checkRemarks(project: Project, files: readonly SourceFile[], known: Known): Problem[] {
  const problems: Problem[] = [];
  for (const release of project.releases) {
    const file = `${SOURCE_PATHS.releases}/${release.id}.yaml`;
    const source = lazySource(files, file);
    release.remarks.forEach((remark, index) => {
      if (remark.area !== undefined && known.loaded.areas && !known.areaIds.has(remark.area)) {
        problems.push({
          file,
          line: source.lineOf(['remarks', index, 'area']),
          field: `remarks[${index}].area`,
          found: `"${remark.area}"`,
          expected: `an area defined in ${SOURCE_PATHS.areas} (${sample(known.areaIds)})`,
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

/** References between files: the releases, areas, teams, components and notes that notes and data files name exist. */
export function checkReferences(
  project: Project,
  notes: readonly NoteRefs[],
  files: readonly SourceFile[],
  loaded: Loaded,
): Problem[] {
  const known: Known = {
    releases: new Map(project.releases.map((release) => [release.id, release])),
    teamIds: new Set(project.teams.map((team) => team.id)),
    componentIds: new Set(project.components.map((component) => component.id)),
    areaIds: new Set(project.areas.map((area) => area.id)),
    noteIds: new Set(notes.flatMap((note) => (note.id === undefined ? [] : [note.id]))),
    loaded,
  };
  return [
    ...checkNotes(notes, known),
    ...checkAreaTeams(project, files, known),
    ...checkRemarks(project, files, known),
  ];
}
