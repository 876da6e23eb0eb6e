/**
 * Build-time data of the school officer's kit pages (/schools/…): the templates resolved with the
 * site's data (the deployment's region when ZZ_REGION is set, so a county's copy shows its figures)
 * for the build day. Pages only render what src/rules/faq.ts computes.
 */
import { siteData } from '../policy/data.ts';
import { applySteps } from '../../data/steps.ts';
import { faq, messages, templateDataOf } from '../../data/schools.ts';
import { faqCards, stageKit, type FaqCard, type StageKit } from '../../rules/faq.ts';
import { KitStage } from '../../schema/schools.ts';
import { STAGES, type Stage as ShellStage } from '../shell/stages.ts';
import { today } from '../../lib/today.ts';

export const kitDate: string = today();
export const kitData = templateDataOf(siteData, applySteps);

/** The six stage groups, in the site's order, with their names. */
export const KIT_STAGE_LIST: readonly ShellStage[] = STAGES.filter((s) => (KitStage.options as readonly string[]).indexOf(s.slug) >= 0);

export const cardsOf = (slug: KitStage): FaqCard[] => faqCards(faq, slug, kitData, kitDate);
export const kitOf = (slug: KitStage): StageKit => stageKit(messages, slug, kitData, kitDate);
export const stageNameOf = (slug: string): string => STAGES.find((s) => s.slug === slug)?.name ?? slug;
