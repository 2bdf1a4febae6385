import { z } from 'astro/zod';
import { localizedText, slug } from './fields.ts';

/** A PICT team that owns follow-up work on upstream changes (`data/teams.yaml`). */
export const teamSchema = z.strictObject({
  /** Stable id used in notes' `teams` lists and in team page URLs. */
  id: slug,
  /** The team's name in both languages. */
  name: localizedText,
  /** What the team is responsible for, in both languages. */
  description: localizedText,
  /** How to reach the team (mailing list, chat channel); absent until the team gives one. */
  contact: z.string().trim().min(1).optional(),
});

/** A validated team. */
export type Team = z.infer<typeof teamSchema>;
