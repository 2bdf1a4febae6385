import type { z } from 'astro/zod';

/** The field names a schema accepts at `path` (object keys after unwrapping optionals, defaults, pipes, lists and unions). */
export function knownKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  const objects = objectsAt(schema, path);
  return [...new Set(objects.flatMap((shape) => Object.keys(shape)))].sort();
}

type Shape = Record<string, z.core.$ZodType>;

function objectsAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): Shape[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
      return objectsAt(def['innerType'] as z.core.$ZodType, path);
    case 'pipe':
      return objectsAt(def['in'] as z.core.$ZodType, path);
    case 'union':
      return (def['options'] as z.core.$ZodType[]).flatMap((option) => objectsAt(option, path));
    case 'array':
      return path.length === 0 ? [] : objectsAt(def['element'] as z.core.$ZodType, path.slice(1));
    case 'record':
      return path.length === 0 ? [] : objectsAt(def['valueType'] as z.core.$ZodType, path.slice(1));
    case 'object': {
      const shape = def['shape'] as Shape;
      if (path.length === 0) return [shape];
      const child = shape[String(path[0])];
      return child ? objectsAt(child, path.slice(1)) : [];
    }
    default:
      return [];
  }
}
