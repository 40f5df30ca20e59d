// Choosing the case (one of the practitioner's own open cases) and the man the write-up is about.
import { ChoiceFactory, ChoicePrompt, ConfirmPrompt, DialogTurnResult, ListStyle, PromptValidatorContext, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Case, Man } from '../../records/model';
import type { CaseRecords } from '../../records/repository';
import { MAN_ROLES } from '../../records/practice-model';
import { t } from '../../prompts';
import { ROLE_LABEL } from '../../prompts/labels';
import { SeenDialog } from '../base-dialog';
import { nonEmptyText } from '../validators';
import { bag } from '../step-values';
import { scopedRecords } from '../scoped';
import { codePointSlice } from '../../records/text';

/** Dialog id of the case-and-man dialog. */
export const CASE_DIALOG = 'caseAndMan';
/** What the write-up passes in: who is asking and, optionally, the case they named. */
export interface CaseDialogOptions { userId: string; caseRef: string | null; /** False when only men already on the case may be picked (corrections). */ allowNewMan?: boolean }
/** What comes back: the case and the man. */
export interface CaseChoice { case: Case; man: Man }

const MAIN = 'main';
const CASE = 'case';
const MAN = 'man';
const TEXT = 'text';
const ROLE = 'role';
const CONFIRM = 'confirm';

interface Values extends CaseDialogOptions { case: Case; men: Man[]; name: string; role: (typeof MAN_ROLES)[number] }

/** Resolves the case and the man, adding a new man to the case when he is not yet recorded. */
export class CaseDialog extends SeenDialog<CaseDialogOptions> {
  protected readonly where = t('writeup.whereCase');

  constructor(private readonly records: CaseRecords) {
    super(CASE_DIALOG);
    if (!records) throw new TypeError('CaseDialog needs case records');
    this.addDialog(new TextPrompt(CASE, this.isOwnOpenCase.bind(this)));
    this.addDialog(new ChoicePrompt(MAN));
    this.addDialog(new ChoicePrompt(ROLE));
    this.addDialog(new TextPrompt(TEXT, nonEmptyText));
    this.addDialog(Object.assign(new ConfirmPrompt(CONFIRM), { style: ListStyle.suggestedAction }));
    this.addDialog(new WaterfallDialog(MAIN, [
      this.askCase.bind(this), this.askMan.bind(this), this.askName.bind(this), this.askRole.bind(this), this.askResident.bind(this), this.finish.bind(this),
    ]));
    this.initialDialogId = MAIN;
  }

  // Validator: the answer must be an open case allocated to this practitioner.
  private async isOwnOpenCase(p: PromptValidatorContext<string>): Promise<boolean> {
    const ref = (p.recognized.value ?? '').trim().toUpperCase();
    const own = await (await scopedRecords(this.records, (p.options.validations as { userId: string }).userId)).listOwnOpenCases();
    return own.some((c) => c.ref === ref);
  }

  // Step: use the named case when it is theirs, otherwise offer their open cases.
  private async askCase(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = Object.assign(bag<Values>(step), step.options as CaseDialogOptions);
    const own = await (await scopedRecords(this.records, v.userId!)).listOwnOpenCases();
    if (own.length === 0) {
      await step.context.sendActivity(t('writeup.noCases'));
      return step.endDialog();
    }
    const named = own.find((c) => c.ref === v.caseRef);
    if (named) return step.next(named.ref);
    if (v.caseRef) await step.context.sendActivity(t('writeup.unknownCase', { ref: v.caseRef }));
    const refs = own.map((c) => c.ref);
    return step.prompt(CASE, { prompt: ChoiceFactory.suggestedAction(refs, t('writeup.askCase')), retryPrompt: ChoiceFactory.suggestedAction(refs, t('writeup.retryCase')), validations: { userId: v.userId } });
  }

  // Step: offer the men already on the case, and "someone else".
  private async askMan(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step);
    const scoped = await scopedRecords(this.records, v.userId!);
    v.case = (await scoped.getCase(String(step.result).trim().toUpperCase()))!;
    v.men = await scoped.listMen(v.case.ref);
    return step.prompt(MAN, {
      prompt: t('writeup.askMan', { baby: v.case.babyName }),
      choices: ChoiceFactory.toChoices([...v.men.map((m) => m.name), ...(v.allowNewMan === false ? [] : [t('writeup.addMan')])]),
      style: ListStyle.suggestedAction,
    });
  }

  // Step: a known man ends the dialog; "someone else" asks his name.
  private async askName(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step);
    const chosen = v.men![step.result.index];
    if (chosen) return step.endDialog({ case: v.case!, man: chosen } satisfies CaseChoice);
    return step.prompt(TEXT, { prompt: t('writeup.askManName') });
  }

  // Step: how he is related to the baby.
  private async askRole(step: WaterfallStepContext): Promise<DialogTurnResult> {
    bag<Values>(step).name = codePointSlice(String(step.result).trim(), 200);
    return step.prompt(ROLE, { prompt: t('writeup.askManRole'), choices: ChoiceFactory.toChoices(MAN_ROLES.map((r) => t(ROLE_LABEL[r]))), style: ListStyle.suggestedAction });
  }

  // Step: whether he lives with the baby.
  private async askResident(step: WaterfallStepContext): Promise<DialogTurnResult> {
    bag<Values>(step).role = MAN_ROLES[step.result.index];
    return step.prompt(CONFIRM, { prompt: t('writeup.askResident') });
  }

  // Step: record the new man on the case and hand both back.
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step);
    const man = await (await scopedRecords(this.records, v.userId!)).addMan({ caseRef: v.case!.ref, name: v.name!, role: v.role!, identified: true, resident: step.result === true });
    await step.context.sendActivity(t('writeup.manAdded', { name: man.name, ref: man.caseRef }));
    return step.endDialog({ case: v.case!, man } satisfies CaseChoice);
  }
}
