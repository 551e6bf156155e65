import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ATTACHMENT_STAGE_LABELS, AttachmentDto, AttachmentStage, DeadlineDto, TransitionRequest } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Observable } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { Submission } from '../api-error-message';
import { DeadlineAlertComponent } from '../deadline.component';
import { EvidenceGalleryComponent } from '../evidence-gallery.component';
import { ReasonModalComponent } from '../reason-modal.component';
import { RecordTimelineComponent, TimelineEntry } from '../record-timeline.component';
import { StepInput, StepModalComponent, WorkflowStep } from '../transition-modal.component';
import { ZORRO_IMPORTS } from '../zorro';
import { LedgerApi, LedgerTypes } from './ledger-api';
import { LedgerView, canReopen, isWritable, statusColor, statusText } from './ledger-view';
import { PartForms } from './part-form';

/** What the shell reads of a record's detail. */
export interface ShellRecord {
  id: string;
  number: string;
  status: string;
  voided: boolean;
  voidReason: string | null;
  version: number;
  deadline: DeadlineDto | null;
  transitions: readonly WorkflowStep[];
  attachments: readonly AttachmentDto[];
}

/** One of the ledger's own actions in the record's "more" menu (`data-action=<key>`). */
export interface RecordAction {
  key: string;
  label: TKey;
  run: () => void;
}

type ReasonAction = 'void' | 'reopen' | 'unmask';

/**
 * One record's detail page around the ledger's own sections (projected): the header (number,
 * status, void mark, the ledger's tags), the workflow steps and the ledger's actions, the "more"
 * menu with void and reopen, the deadline, the evidence and the timeline, and the audited unmask
 * (`askReason('unmask')` or `<fz-unmask-link>`; the answer comes out as `unmasked`), and the page's
 * small forms (`[forms]`: a persuasion entry, a party…) in the step modal.
 *
 * Slots: `[fzRecordTags]` after the status, `[fzRecordActions]` before the menu, `[fzRecordAlerts]`
 * after the void notice, `[fzDeadlineNote]` inside the deadline, the rest in the main column.
 */
@Component({
  selector: 'fz-record-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ZORRO_IMPORTS, DeadlineAlertComponent, EvidenceGalleryComponent, ReasonModalComponent, RecordTimelineComponent, StepModalComponent],
  template: `
    @let r = record();
    @let name = view().name;
    <div class="fz-detail-head">
      <div class="fz-detail-title">
        <h2 class="fz-page-title" [attr.data-test]="name + '-number'" [class.fz-struck]="r.voided">{{ r.number }}</h2>
        <nz-tag [nzColor]="color(r.status)" [attr.data-test]="name + '-status'">{{ status(r.status) }}</nz-tag>
        <ng-content select="[fzRecordTags]" />
        @if (r.voided) {
          <nz-tag nzColor="red" data-test="voided-tag">{{ t('record.voided') }}</nz-tag>
        }
      </div>
      <div class="fz-detail-actions" [attr.data-test]="name + '-actions'">
        @if (!r.voided) {
          @for (s of r.transitions; track s.to) {
            <button nz-button nzType="primary" type="button" [attr.data-transition]="s.to" (click)="openStep(s)">{{ i18n.pick(s.label) }}</button>
          }
        }
        <ng-content select="[fzRecordActions]" />
        @if (writable() || reopenable()) {
          <button nz-button nz-dropdown [nzDropdownMenu]="more" nzTrigger="click" type="button" [attr.data-test]="name + '-more'">{{ t('record.moreActions') }}<nz-icon nzType="down" /></button>
          <nz-dropdown-menu #more="nzDropdownMenu">
            <ul nz-menu>
              @if (writable()) {
                @for (action of menu(); track action.key) {
                  <li nz-menu-item (click)="action.run()" tabindex="0" (keydown.enter)="action.run()" [attr.data-action]="action.key">{{ t(action.label) }}</li>
                }
                @if (menu().length > 0) {
                  <li nz-menu-divider></li>
                }
                <li nz-menu-item nzDanger (click)="askReason('void')" tabindex="0" (keydown.enter)="askReason('void')" data-action="void">{{ t('record.void') }}</li>
              } @else {
                <li nz-menu-item (click)="askReason('reopen')" tabindex="0" (keydown.enter)="askReason('reopen')" data-action="reopen">{{ t('record.reopen') }}</li>
              }
            </ul>
          </nz-dropdown-menu>
        }
        <a nz-button [routerLink]="view().path"><nz-icon nzType="unordered-list" />{{ t('record.backToList') }}</a>
      </div>
    </div>

    @if (r.voided) {
      <nz-alert class="fz-block" nzType="warning" nzShowIcon [nzMessage]="t('record.voidedHint', { reason: r.voidReason ?? '' })" />
    }
    <ng-content select="[fzRecordAlerts]" />
    @if (r.deadline; as d) {
      <fz-deadline-alert [deadline]="d" [dueText]="view().words.dueText" [attr.data-test]="name + '-deadline'">
        <ng-content select="[fzDeadlineNote]" />
      </fz-deadline-alert>
    }

    <div nz-row [nzGutter]="[16, 16]">
      <div nz-col [nzXs]="24" [nzXl]="14">
        <ng-content />
      </div>
      <div nz-col [nzXs]="24" [nzXl]="10">
        <nz-card [nzTitle]="t(view().words.evidence)" class="fz-block" [attr.data-test]="name + '-evidence'">
          <fz-evidence-gallery
            [base]="api().attachmentsBase(r.id)"
            [attachments]="r.attachments"
            [version]="r.version"
            [canUpload]="writable()"
            [canOpenPersonal]="canUnmask()"
            [stageLabels]="stageLabels()"
            [related]="related()"
            (uploaded)="changed.emit(null)"
          />
        </nz-card>
        <fz-record-timeline [entries]="timeline()" [attr.data-test]="name + '-timeline'" />
      </div>
    </div>

    @if (step(); as s) {
      <fz-step-modal [step]="s" [fields]="stepInputs()" [send]="send" (closed)="step.set(null)" (done)="stepDone($event)" />
    }
    @let parts = forms();
    @if (parts?.open(); as f) {
      <fz-step-modal [step]="f.step" [fields]="f.fields" [send]="parts!.send()" [withRemark]="false" (closed)="parts!.close()" (done)="parts!.finish($event)" />
    }
    @if (reason(); as action) {
      <fz-reason-modal
        [title]="action === 'void' ? t('record.voidTitle', { number: r.number }) : action === 'reopen' ? t('record.reopenTitle', { number: r.number }) : t(view().words.unmaskTitle)"
        [hint]="action === 'void' ? t(view().words.voidHint) : action === 'reopen' ? t('record.reopenHint') : t('record.unmaskHint')"
        [okText]="action === 'void' ? t('record.void') : action === 'reopen' ? t('record.reopen') : t('record.unmask')"
        [danger]="action === 'void'"
        [submitting]="submission.busy()"
        [error]="submission.error()"
        (confirmed)="confirm(action, $event)"
        (closed)="reason.set(null)"
      />
    }
  `,
  styleUrl: '../record-detail.css',
})
export class RecordShellComponent<T extends LedgerTypes> {
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  readonly view = input.required<LedgerView>();
  readonly api = input.required<LedgerApi<T>>();
  readonly record = input.required<ShellRecord>();
  readonly timeline = input.required<readonly TimelineEntry[]>();
  /** The ledger's own actions in the "more" menu (while the record is writable). */
  readonly menu = input<readonly RecordAction[]>([]);
  /** The fields a workflow step asks (read again when the signals it reads change). */
  readonly stepFields = input<(step: WorkflowStep) => StepInput[]>(() => []);
  /** The personal fields an unmask asks for. */
  readonly unmaskFields = input<readonly string[]>([]);
  readonly stageLabels = input<Record<AttachmentStage, { zh: string; en: string }>>(ATTACHMENT_STAGE_LABELS);
  /** The page's small forms, shown in the step modal without a remark. */
  readonly forms = input<PartForms<T['detail']> | null>(null);
  /** Evidence of a related record, shown beside the record's own. */
  readonly related = input<{ title: string; base: string; items: readonly AttachmentDto[] } | null>(null);

  /** The record changed: its new detail, or null when it must be read again. */
  readonly changed = output<T['detail'] | null>();
  /** A workflow step is about to be asked (load what its fields offer). */
  readonly stepOpened = output<WorkflowStep>();
  /** The audited unmask's answer, for the version of the record it was read from. */
  readonly unmasked = output<{ version: number; answer: T['unmasked'] }>();

  protected readonly step = signal<WorkflowStep | null>(null);
  protected readonly reason = signal<ReasonAction | null>(null);
  protected readonly submission = new Submission(this.t);

  readonly writable = computed(() => isWritable(this.view(), this.record(), this.auth));
  protected readonly reopenable = computed(() => canReopen(this.view(), this.record(), this.auth));
  protected readonly canUnmask = computed(() => this.auth.hasAny(['personal.unmask']));
  protected readonly stepInputs = computed(() => {
    const step = this.step();
    return step ? this.stepFields()(step) : [];
  });
  protected readonly send = (body: Omit<TransitionRequest, 'version'>): Observable<T['detail']> => {
    const record = this.record();
    return this.api().transition(record.id, { ...body, version: record.version });
  };

  protected status(status: string): string {
    return statusText(this.view(), status, this.i18n.pick);
  }

  protected color(status: string): string {
    return statusColor(this.view(), status);
  }

  protected openStep(step: WorkflowStep): void {
    this.stepOpened.emit(step);
    this.step.set(step);
  }

  protected stepDone(detail: T['detail']): void {
    this.step.set(null);
    this.changed.emit(detail);
    this.message.success(this.t(this.view().words.stepDone));
  }

  /** Asks the reason for a void, a reopen or an unmask. */
  askReason(action: ReasonAction): void {
    this.submission.error.set(null);
    this.reason.set(action);
  }

  protected confirm(action: ReasonAction, reason: string): void {
    const record = this.record();
    const api = this.api();
    if (action === 'unmask') {
      this.submission.run(api.unmask(record.id, this.unmaskFields(), reason), (answer) => {
        this.reason.set(null);
        this.unmasked.emit({ version: record.version, answer });
      });
      return;
    }
    const request = action === 'void' ? api.void(record.id, record.version, reason) : api.reopen(record.id, record.version, reason);
    this.submission.run(request, () => {
      this.reason.set(null);
      this.message.success(this.t(action === 'void' ? this.view().words.voidDone : this.view().words.reopenDone));
      this.changed.emit(null);
    });
  }
}
