import type { Project } from './load.ts';

// Astro loads its configuration (with the integrations), the content configuration and the pages as
// separate module graphs of one process: a global is the one place they all see.
const KEY = Symbol.for('pict-upgrade-notes.checked-project');

type WithProject = typeof globalThis & { [KEY]?: Project };

/** Keeps the project the checker validated for the rest of this build (content layer and pages). */
export function shareCheckedProject(project: Project): void {
  (globalThis as WithProject)[KEY] = project;
}

/** The project the checker validated for this build; undefined outside a build (the dev server). */
export function sharedCheckedProject(): Project | undefined {
  return (globalThis as WithProject)[KEY];
}
