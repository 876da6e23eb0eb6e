/**
 * Astro content collections. The policy data (subsidies, sources, documents, glossary) is validated by
 * the same zod schemas as src/data (which the engine and tests use without Astro); the prose pages are
 * MDX under content/pages/ with a small frontmatter schema.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { Stage, Subsidy } from './schema/index.ts';

const subsidies = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/subsidies' }),
  schema: Subsidy,
});

const pages = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/pages' }),
  schema: z.strictObject({
    /** Page title (h1 and <title>). */
    title: z.string().min(1),
    /** Meta description and share text: one or two plain sentences. */
    description: z.string().min(1),
    /** The stage(s) this page is about; sets the Pagefind stage filter and the wizard link. */
    stage: Stage.optional(),
    /** Order in lists (stage pages: 学前 → 研究生). */
    order: z.number().int().default(100),
  }),
});

export const collections = { subsidies, pages };
