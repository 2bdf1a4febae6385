import { z } from 'astro/zod';
import { localizedText, slug } from './fields.ts';

/** An upstream release-notes sub-heading (networking, storage, …) shared by all releases (`data/areas.yaml`). */
export const areaSchema = z.strictObject({
  /** Stable id used in notes' `area` field. */
  id: slug,
  /** The heading in both languages. */
  name: localizedText,
  /** Teams that triage this area's items: its untriaged items wait for them (ids from `data/teams.yaml`). */
  teams: z
    .array(slug, { error: 'a list of the teams that triage the area (ids from data/teams.yaml)' })
    .min(1, { error: 'at least one team that triages the area (ids from data/teams.yaml)' }),
});

/** A validated area. */
export type Area = z.infer<typeof areaSchema>;
