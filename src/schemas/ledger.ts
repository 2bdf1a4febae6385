import { z } from 'astro/zod';
import { slug } from './fields.ts';

/** `notes/ids.json`: every note id ever published, and where retired ids now point. */
export const ledgerSchema = z.strictObject({
  /** Every id ever published, sorted; an id is never removed from here. */
  ids: z.array(slug),
  /** Retired id → the id of its successor, so links in old tickets keep working. */
  redirects: z.record(slug, slug).default({}),
  /**
   * Retired id → the release whose page now holds what its note said (an upstream "Major Themes"
   * text became the release's themes): its pages redirect to that release page.
   */
  releaseRedirects: z.record(slug, slug).default({}),
});

/** The validated ledger. */
export type Ledger = z.infer<typeof ledgerSchema>;
