// A small JSON-schema check for the OpenAPI fragments (type, properties, items, nullable, enum).
// Stricter than the spec on one point, on purpose: AFAS always sends every declared property, so
// `requireAll` reports a missing one; `nullLeaves` allows null for scalar row fields (AFAS sends
// null for empty fields although the spec does not say nullable).
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  nullable?: boolean;
  enum?: unknown[];
}

export interface CheckOptions {
  requireAll?: boolean;
  nullLeaves?: boolean;
  noExtra?: boolean;
}

function typeOk(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

export function checkSchema(value: unknown, schema: Schema, options: CheckOptions = {}, path = '$'): string[] {
  if (value === null) {
    const leaf = schema.type !== 'object' && schema.type !== 'array';
    return schema.nullable || (options.nullLeaves && leaf) ? [] : [`${path}: null is not allowed`];
  }
  if (schema.type && !typeOk(value, schema.type)) return [`${path}: expected ${schema.type}, got ${JSON.stringify(value)}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} not in enum`];
  const errors: string[] = [];
  if (schema.type === 'object' && schema.properties) {
    const obj = value as Record<string, unknown>;
    for (const [key, sub] of Object.entries(schema.properties)) {
      if (!(key in obj)) {
        if (options.requireAll) errors.push(`${path}.${key}: missing`);
        continue;
      }
      errors.push(...checkSchema(obj[key], sub, options, `${path}.${key}`));
    }
    if (options.noExtra) for (const key of Object.keys(obj)) if (!(key in schema.properties)) errors.push(`${path}.${key}: not in the spec`);
  }
  if (schema.type === 'array' && schema.items) {
    (value as unknown[]).forEach((item, i) => errors.push(...checkSchema(item, schema.items as Schema, options, `${path}[${i}]`)));
  }
  return errors;
}
