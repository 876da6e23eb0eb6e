/**
 * A fact said in one or two plain Chinese sentences, with the source it rests on and how sure we are.
 * Used by the data files of issue 14 (content/payments.yaml, content/loan.yaml,
 * content/message-signs.yaml): every card, arrival, loan and warning-sign fact is one of these, so a
 * content test can check that each cites a source that exists in content/sources.yaml.
 */
import { z } from 'zod';
import { Confidence } from './index.ts';

export const SourcedText = z.strictObject({
  /** The fact, plainly (one or two short sentences, no figure that is not in the source). */
  text: z.string().min(1),
  /** Id in content/sources.yaml of the document or page this fact rests on. */
  source: z.string().min(1),
  /** high = two independent sources or a government page; medium = one source or local practice; unconfirmed. */
  confidence: Confidence,
});
export type SourcedText = z.infer<typeof SourcedText>;

/** kebab-case identifier, also used as a page anchor. */
export const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id 只能用小写字母、数字和连字符');
