import { z } from 'astro/zod';
import { localizedText, slug } from './fields.ts';

/** What kind of thing a component is, for grouping the component index. */
export const COMPONENT_KINDS = [
  'control-plane',
  'node',
  'controller',
  'cli',
  'addon',
  'network',
  'storage',
  'api',
  'tooling',
  'cloud',
] as const;

/** An upstream component an item can affect (`data/components.yaml`). */
export const componentSchema = z.strictObject({
  /** Stable id used in notes' `components` lists and in component page URLs. */
  id: slug,
  /** The component's name in both languages (usually the same upstream name). */
  name: localizedText,
  /** The kind of component. */
  kind: z.enum(COMPONENT_KINDS, { error: `one of ${COMPONENT_KINDS.join(', ')}` }),
});

/** A validated component. */
export type Component = z.infer<typeof componentSchema>;
