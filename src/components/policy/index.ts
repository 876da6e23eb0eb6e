/**
 * The policy components, for MDX pages. Stage and shared pages get these through
 * `<Content components={policyComponents} />`, so MDX files use them without import lines:
 *   <Amount id="senior-grant" />  <SubsidySection id="senior-grant" />  <StageSubsidies stage="senior" />
 *   <StageOverview stage="senior" />  <StageSources stage="senior" />  <ValueHistory id="senior-grant" />
 *   <DocumentsList id="senior-grant" />  <SourceCite id="caijiao-2024-181" />  <WizardLink stage="senior" />
 *   <Who id="living-allowance" />  <SubsidyBriefs ids="student-loan,freshman-aid" stage="undergrad" />  <Notes id="student-loan" />  <Terms ids="tuopin,dibao" />  <AsOf stage="senior" />  <FraudLine />
 *   <Listen>…</Listen>   (a block with a 「听一听」 button: reads its visible text aloud)
 *   <RegionContacts />   (default-region builds only: who to ask there)   <ApplySteps />   (申请 → … → 发放, content/steps.yaml)
 *   <PaymentGuide />  <LoanAfterGuide />  <MessageCheckPage />   (whole bodies of /payment/, /loan/, /message-check/: src/components/after/)
 * Each file's header comment documents its props.
 */
import Amount from './Amount.astro';
import ApplySteps from './ApplySteps.astro';
import AsOf from './AsOf.astro';
import DocumentsList from './DocumentsList.astro';
import Notes from './Notes.astro';
import RegionContacts from './RegionContacts.astro';
import SourceCite from './SourceCite.astro';
import StageOverview from './StageOverview.astro';
import StageSources from './StageSources.astro';
import StageSubsidies from './StageSubsidies.astro';
import SubsidySection from './SubsidySection.astro';
import Terms from './Terms.astro';
import Unconfirmed from './Unconfirmed.astro';
import ValueHistory from './ValueHistory.astro';
import Who from './Who.astro';
import SubsidyBriefs from './SubsidyBriefs.astro';
import WizardLink from './WizardLink.astro';
import FraudLine from '../shell/FraudLine.astro';
import PaymentGuide from '../after/PaymentGuide.astro';
import Hotline from '../after/Hotline.astro';
import LoanAfterGuide from '../after/LoanAfterGuide.astro';
import MessageCheckPage from '../after/MessageCheckPage.astro';
import Listen from '../shell/Listen.astro';

export const policyComponents = {
  Amount, ApplySteps, AsOf, DocumentsList, Notes, RegionContacts, SourceCite, StageOverview, StageSources, StageSubsidies, SubsidySection, Terms,
  Unconfirmed, ValueHistory, Who, SubsidyBriefs, WizardLink, FraudLine, Hotline, PaymentGuide, LoanAfterGuide, MessageCheckPage, Listen,
};
