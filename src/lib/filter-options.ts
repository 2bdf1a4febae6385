import { t } from '../i18n/index.ts';
import type { Component } from '../schemas/component.ts';
import type { Lang } from '../schemas/fields.ts';
import { MATURITIES, type Note } from '../schemas/note.ts';
import type { Team } from '../schemas/team.ts';
import type { FilterKind } from './filters.ts';
import { IMPACTS } from './impact.ts';
import { SECTIONS } from './sections.ts';

/** One choice of a filter: the value items carry and its label in the page's language. */
export interface FilterOption {
  value: string;
  label: string;
}

/**
 * The choices a filter form offers for a list of notes: only values some note carries, in scale or
 * data order. `teamsOf` gives the teams an item matches (its own teams unless a page says otherwise).
 */
export function filterOptionsOf<N extends Note>(
  notes: readonly N[],
  data: { lang: Lang; teams: readonly Team[]; components: readonly Component[] },
  teamsOf: (note: N) => readonly string[] = (note) => note.teams,
): Record<FilterKind, FilterOption[]> {
  const { lang } = data;
  const used = (valuesOf: (note: N) => readonly (string | undefined)[]) =>
    new Set(notes.flatMap(valuesOf));
  const impacts = used((note) => [note.impact]);
  const teams = used(teamsOf);
  const components = used((note) => note.components);
  const maturities = used((note) => [note.maturity]);
  const sections = used((note) => [note.section, ...note.alsoIn]);
  return {
    impact: IMPACTS.filter((value) => impacts.has(value)).map((value) => ({
      value,
      label: t(lang, `impact.${value}`),
    })),
    team: data.teams
      .filter((team) => teams.has(team.id))
      .map((team) => ({ value: team.id, label: team.name[lang] })),
    component: data.components
      .filter((component) => components.has(component.id))
      .map((component) => ({ value: component.id, label: component.name[lang] })),
    maturity: MATURITIES.filter((value) => maturities.has(value)).map((value) => ({
      value,
      label: t(lang, `maturity.${value}`),
    })),
    section: SECTIONS.filter((value) => sections.has(value)).map((value) => ({
      value,
      label: t(lang, `section.${value}`),
    })),
  };
}
