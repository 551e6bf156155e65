import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { ADVISOR_MAX_ENTRY_HOURS, ADVISOR_SERVICE_TYPES, AdvisorServiceDto, AdvisorServiceInput, AdvisorServiceType, OrgTreeNode, isValidMobile } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { Observable, catchError, filter, last, map, of, switchMap, throwError } from 'rxjs';
import { OrgApi } from '../../core/api/org.api';
import { AuthService } from '../../core/auth/auth.service';
import { apiError } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { FieldComponent } from '../../shared/field.component';
import { FormPageComponent, FormPageDefinition, FormSlotDirective, textControl as text } from '../../shared/ledger/form-page.component';
import { villagesUnder } from '../../shared/org-tree';
import { toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { AdvisorServicesApi } from './advisors.api';
import { countsAttendees, namesClient, serviceHours, tooLong } from './service-hours';

function phoneValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = (control.value ?? '').trim();
  return value === '' || isValidMobile(value) ? null : { phone: true };
}

/** The end must leave an entry no longer than the longest one allowed. */
function spanValidator(group: AbstractControl): ValidationErrors | null {
  const { startTime, endTime } = group.value as { startTime?: string; endTime?: string };
  return tooLong(serviceHours(startTime, endTime)) ? { tooLong: true } : null;
}

/** An overlap refusal that names no field goes on the start time, where the form shows it. */
export function overlapOnTimes(err: unknown): unknown {
  const body = apiError(err);
  if (!(err instanceof HttpErrorResponse) || body?.code !== 'ADVISOR_SERVICE_OVERLAP' || (body.errors?.length ?? 0) > 0) return err;
  const error = { ...(err.error as object), errors: [{ path: 'startTime', code: body.code, message: body.message }] };
  return new HttpErrorResponse({ error, headers: err.headers, status: err.status, statusText: err.statusText, url: err.url ?? undefined });
}

const typeOf = (value: Record<string, unknown>) => (value['type'] as AdvisorServiceType | null) ?? null;

/**
 * Logs one service (`/advisors/new`), made for a phone: the caller's villages (preselected when
 * one), the type, the day and the times with the hours computed, the client or the attendees as
 * the type asks, the content and result, and photos from the camera uploaded with the entry.
 */
@Component({
  selector: 'fz-advisor-service-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, FieldComponent, FormPageComponent, FormSlotDirective],
  templateUrl: './service-form.component.html',
  styleUrl: './service-form.component.css',
})
export class AdvisorServiceFormComponent {
  private readonly api = inject(AdvisorServicesApi);
  private readonly message = inject(NzMessageService);
  private readonly auth = inject(AuthService);
  protected readonly t = inject(I18nService).t;

  protected readonly form = new FormGroup(
    {
      villageId: new FormControl<string | null>(null, Validators.required),
      type: new FormControl<AdvisorServiceType>('consultation', { nonNullable: true, validators: Validators.required }),
      serviceDate: new FormControl(toPlainDate(new Date()) ?? '', { nonNullable: true, validators: Validators.required }),
      startTime: new FormControl('', { nonNullable: true, validators: Validators.required }),
      endTime: new FormControl('', { nonNullable: true, validators: Validators.required }),
      clientName: text(50),
      clientPhone: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(20), phoneValidator] }),
      attendees: new FormControl<number | null>(null, [Validators.min(0), Validators.max(100000)]),
      content: text(2000, true),
      result: text(1000),
    },
    { validators: spanValidator },
  );

  private readonly orgTree = signal<OrgTreeNode[]>([]);
  /** The villages the caller serves (a village scope), or those of their town. */
  private readonly villages = computed<readonly { id: string; name: string }[]>(() => {
    const me = this.auth.me();
    const own = me?.scope.villages ?? [];
    return own.length > 0 ? own : villagesUnder(this.orgTree(), me?.townId);
  });
  protected readonly page: FormPageDefinition = {
    name: 'advisor-service',
    idPrefix: 's',
    submitTest: 'advisor-service-save',
    path: '/advisors',
    saved: 'advisors.saved',
    fields: [
      { name: 'villageId', kind: 'select', label: 'record.village', testId: 's-village', options: () => this.villages().map((v) => ({ value: v.id, label: v.name })) },
      { name: 'type', kind: 'select', label: 'advisors.type', testId: 's-type', options: (t) => ADVISOR_SERVICE_TYPES.map((type) => ({ value: type, label: t(`advisorTypes.${type}`) })) },
      { name: 'when', kind: 'slot', span: [24, 24] },
      { name: 'clientName', kind: 'text', label: 'advisors.clientName', hiddenWhen: (v) => !namesClient(typeOf(v)) },
      { name: 'clientPhone', kind: 'text', label: 'advisors.clientPhone', inputMode: 'tel', hiddenWhen: (v) => !namesClient(typeOf(v)) },
      { name: 'attendees', kind: 'number', label: 'advisors.attendees', precision: 0, hiddenWhen: (v) => !countsAttendees(typeOf(v)) },
      { name: 'content', kind: 'textarea', label: 'advisors.content', extra: 'advisors.contentHint', span: [24], rows: [2, 6] },
      { name: 'result', kind: 'textarea', label: 'advisors.result', span: [24], rows: [1, 4] },
      { name: 'photos', kind: 'slot', span: [24, 24] },
    ],
  };
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly span = computed(() => serviceHours(this.value().startTime, this.value().endTime));
  protected readonly maxHours = ADVISOR_MAX_ENTRY_HOURS;
  protected readonly photos = signal<File[]>([]);

  constructor() {
    const villages = this.auth.me()?.scope.villages ?? [];
    if (villages.length === 0) {
      inject(OrgApi)
        .tree()
        .subscribe((tree) => this.orgTree.set(tree));
    }
    if (villages.length === 1) this.form.controls.villageId.setValue(villages[0].id);
  }

  protected picked(input: HTMLInputElement): void {
    this.photos.set([...this.photos(), ...Array.from(input.files ?? [])]);
    input.value = '';
  }

  protected removePhoto(index: number): void {
    this.photos.set(this.photos().filter((_, i) => i !== index));
  }

  /** The save: the entry (an overlap shown on the times), then its photos; a failed upload leaves the entry logged and says so. */
  protected readonly request = (): Observable<AdvisorServiceDto> => {
    const files = this.photos();
    return this.api.create(this.input()).pipe(
      catchError((err: unknown) => throwError(() => overlapOnTimes(err))),
      switchMap((saved): Observable<AdvisorServiceDto> => {
        if (files.length === 0) return of(saved);
        return this.api.upload(saved.id, saved.version, 'during', files).pipe(
          filter((event) => event.type === HttpEventType.Response),
          last(),
          map(() => saved),
          catchError(() => {
            this.message.warning(this.t('advisors.savedPhotosFailed', { number: saved.number }));
            return of(saved);
          }),
        );
      }),
    );
  };

  /** The entry as the API takes it: texts trimmed, the client and attendees only for the types that have them. */
  private input(): AdvisorServiceInput {
    const v = this.form.getRawValue();
    const opt = (value: string) => value.trim() || null;
    const client = namesClient(v.type);
    return {
      villageId: v.villageId ?? '',
      type: v.type,
      serviceDate: v.serviceDate,
      startTime: v.startTime,
      endTime: v.endTime,
      clientName: client ? opt(v.clientName) : null,
      clientPhone: client ? opt(v.clientPhone) : null,
      content: v.content.trim(),
      result: opt(v.result),
      attendees: countsAttendees(v.type) ? v.attendees : null,
    };
  }
}
