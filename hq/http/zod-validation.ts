// Fastify validates route parameters, queries and bodies with zod schemas (protocol/sync/hq-api.ts for
// the device API, web/web-schemas.ts for the staff page) before a handler runs, and checks the device
// API's answers against theirs before they leave. A few lines of glue instead of
// fastify-type-provider-zod, which would bring @fastify/swagger and OpenAPI types along as required
// peers for nothing HQ uses.
import type { FastifyError, FastifySchemaCompiler, FastifySerializerCompiler, FastifyTypeProvider } from 'fastify';
import { z } from 'zod';
import '../../shared/api/zod-locale.ts';
import { fieldErrors } from '../../shared/api/validation-errors.ts';

/** Lets Fastify type `request.params`, `.query` and `.body` from a route's zod schemas. */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

/** The parsed value replaces the request's part (digits in a query become numbers, unknown keys go). */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const r = schema.safeParse(data);
    return r.success ? { value: r.data } : { error: r.error };
  };

/** An answer HQ was about to send that does not match its own schema: a bug, answered with 500. */
export class AnswerMismatch extends Error {}

/**
 * Checks an answer against its schema and sends it as it is (not the parsed copy: the device
 * verifies signatures and proofs over exactly what HQ sent).
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> =
  ({ schema, url }) =>
  (data) => {
    const r = schema.safeParse(data);
    if (!r.success) throw new AnswerMismatch(`answer of ${url}: ${r.error.message}`);
    return JSON.stringify(data);
  };

const PART: Record<string, string> = { params: 'params', querystring: 'query', body: 'body', headers: 'headers' };

/**
 * The fields of a request that failed its schema, named by where they are (`body.request.nonce`,
 * `query.offset`, `params.sha256`) with zod's Chinese message; null for any other error.
 */
export function requestFieldErrors(e: unknown): Record<string, string> | null {
  const context = (e as FastifyError).validationContext;
  if (!context || !(e instanceof z.ZodError)) return null;
  const fields: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrors(e)))
    fields[key === '_' ? PART[context]! : `${PART[context]}.${key}`] = message;
  return fields;
}

/** One sentence naming each bad field, for the JSON error and the staff page. */
export function describeFieldErrors(fields: Record<string, string>): string {
  return `请求不符合要求：${Object.entries(fields)
    .map(([k, m]) => `${k}：${m.replace(/。$/, '')}`)
    .join('；')}。`;
}
