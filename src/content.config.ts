/**
 * Astro content collections: the prose pages, MDX under content/pages/ with a small frontmatter schema.
 * The policy data (subsidies, sources, documents, glossary, steps, regions) is not a collection: it is
 * read and validated once by src/data/ (zod schemas in src/schema/), which names the file and field of
 * any problem — an empty or broken data file included.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { Stage } from './schema/index.ts';

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

export const collections = { pages };
