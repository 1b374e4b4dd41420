// The hand-reviewed corrections (overrides.json): where the seeds are messy and the algorithm
// cannot know better. Every entry says why, and every entry must still apply — a stale entry
// stops the build, so corrections never pile up unnoticed.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MatterTypeSchema } from '../../shared/catalog/catalog-schema.ts';

const why = z.string().min(4, { message: 'every override says why' });

export const OverridesSchema = z
  .object({
    $comment: z.string().optional(),
    /** The office's name where a list's title abbreviates it. */
    offices: z.array(z.object({ title: z.string().min(1), office: z.string().min(1), why })),
    /** Names (as the seeds give them) that mean one matter although the algorithm keeps them apart. */
    merges: z.array(z.object({ names: z.array(z.string().min(1)).min(2), why })),
    /** Per matter, found by any of its seed names: stable id, preferred name, type. */
    matters: z.array(
      z.object({
        match: z.string().min(1),
        id: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]*$/)
          .optional(),
        name: z.string().min(1).optional(),
        type: MatterTypeSchema.optional(),
        why,
      }),
    ),
    /** Corrections to an article's chosen wording: replace `find` (which must occur) by `replace`. */
    articleTexts: z.array(
      z.object({
        law: z.string().min(1),
        article: z.string().min(1),
        find: z.string().min(1),
        replace: z.string(),
        why,
      }),
    ),
  })
  .strict();
export type Overrides = z.infer<typeof OverridesSchema>;

export const OVERRIDES_FILE = new URL('./overrides.json', import.meta.url);

export function loadOverrides(file: URL | string = OVERRIDES_FILE): Overrides {
  return OverridesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Remembers which overrides were applied, so that stale ones can be reported. */
export class OverrideUse {
  private readonly used = new Set<string>();
  mark(kind: string, index: number): void {
    this.used.add(`${kind}#${index}`);
  }
  /** Descriptions of the overrides that did not apply. */
  unused(o: Overrides): string[] {
    const out: string[] = [];
    const check = (kind: keyof Omit<Overrides, '$comment'>, describe: (i: number) => string) =>
      o[kind].forEach((_, i) => {
        if (!this.used.has(`${kind}#${i}`)) out.push(`${kind}[${i}]: ${describe(i)}`);
      });
    check('offices', (i) => o.offices[i]!.title);
    check('merges', (i) => o.merges[i]!.names.join(' + '));
    check('matters', (i) => o.matters[i]!.match);
    check('articleTexts', (i) => `${o.articleTexts[i]!.law}${o.articleTexts[i]!.article}: ${o.articleTexts[i]!.find}`);
    return out;
  }
}
