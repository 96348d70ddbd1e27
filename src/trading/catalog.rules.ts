import type { default as Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { ErrorCode, HubError } from '../common/errors';
import type { FieldError } from '../ingest/types';

let instance: Ajv | undefined;

/**
 * The one Ajv instance, made on first use: Ajv and its formats are some 70 modules that only a push with details or a
 * catalog change needs, while every process (the `hub` command line too) loads this module through the family.
 */
function ajv(): Ajv {
  if (!instance) {
    /* eslint-disable @typescript-eslint/no-require-imports -- synchronous on first use, see above */
    const { default: AjvClass } = require('ajv') as typeof import('ajv');
    const { default: addFormats } = require('ajv-formats') as typeof import('ajv-formats');
    /* eslint-enable @typescript-eslint/no-require-imports */
    instance = new AjvClass({ allErrors: true, strict: false });
    addFormats(instance);
  }
  return instance;
}

const compiled = new WeakMap<object, ValidateFunction>();

/** Compiles (once per schema object) a sub-item's details schema; BAD_USER_INPUT when it is not a valid JSON Schema. */
export function compileDetailsSchema(schema: Record<string, unknown>, field = 'detailsSchema'): ValidateFunction {
  const hit = compiled.get(schema);
  if (hit) return hit;
  let fn: ValidateFunction;
  try {
    fn = ajv().compile(schema);
  } catch (err) {
    throw new HubError(ErrorCode.BAD_USER_INPUT, `${field} is not a valid JSON Schema: ${(err as Error).message}`, {
      field,
    });
  }
  compiled.set(schema, fn);
  return fn;
}

/** JSON Pointer `/a/0/b` → field path `a.0.b`. */
function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** Ajv's errors as located field errors under `prefix` (e.g. `details.area`). */
export function schemaErrors(errors: readonly ErrorObject[] | null | undefined, prefix: string): FieldError[] {
  return (errors ?? []).map((e) => {
    let path = pointerToPath(e.instancePath);
    if (e.keyword === 'required')
      path = [path, (e.params as { missingProperty: string }).missingProperty].filter(Boolean).join('.');
    return {
      field: [prefix, path].filter(Boolean).join('.'),
      code: ErrorCode.BAD_USER_INPUT,
      message: `${prefix}${path ? `.${path}` : ''} ${e.message ?? 'is invalid'}`,
    };
  });
}

/**
 * Validates category-specific details against a sub-item's schema (absent details count as `{}`); no schema accepts any
 * object.
 */
export function validateDetails(details: unknown, schema: Record<string, unknown> | null | undefined): FieldError[] {
  if (details !== null && details !== undefined && (typeof details !== 'object' || Array.isArray(details))) {
    return [{ field: 'details', code: ErrorCode.BAD_USER_INPUT, message: 'details must be an object' }];
  }
  if (!schema) return [];
  const validate = compileDetailsSchema(schema);
  return validate(details ?? {}) ? [] : schemaErrors(validate.errors, 'details');
}
