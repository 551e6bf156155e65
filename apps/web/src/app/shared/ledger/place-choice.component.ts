import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { OrgTreeNode } from '@fazhi/contracts';
import { OrgApi } from '../../core/api/org.api';
import { AuthService } from '../../core/auth/auth.service';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { FieldComponent } from '../field.component';
import { villagesUnder } from '../org-tree';
import { ZORRO_IMPORTS } from '../zorro';

/** The controls a record's place is chosen with. */
export type PlaceControls = { townId: FormControl<string | null>; villageId: FormControl<string | null> };

/**
 * The town and village of a new record, as two columns of a form's grid: the town only for a user
 * of several towns (then required), the villages of the chosen town (or of the user's own, or of
 * `town` when the record has one already); choosing another town clears the village.
 */
@Component({
  selector: 'fz-place-choice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, FieldComponent],
  template: `
    @let controls = group().controls;
    @if (choosesTown()) {
      <fz-field nz-col [nzXs]="24" [nzMd]="12" [label]="t('record.town')" [for]="idPrefix() + '-town'" required [control]="controls.townId">
        <nz-select [nzId]="idPrefix() + '-town'" [formControl]="controls.townId">
          @for (town of towns(); track town.id) {
            <nz-option [nzValue]="town.id" [nzLabel]="town.name" />
          }
        </nz-select>
      </fz-field>
    }
    <fz-field nz-col [nzXs]="24" [nzMd]="12" [label]="t('record.village')" [for]="idPrefix() + '-village'" [control]="controls.villageId">
      <nz-select [nzId]="idPrefix() + '-village'" [formControl]="controls.villageId" nzAllowClear nzShowSearch [nzPlaceHolder]="placeholder() ? t(placeholder()!) : ''" [attr.data-test]="testId()">
        @for (village of villages(); track village.id) {
          <nz-option [nzValue]="village.id" [nzLabel]="village.name" />
        }
      </nz-select>
    </fz-field>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class PlaceChoiceComponent implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly t = inject(I18nService).t;

  readonly group = input.required<FormGroup<PlaceControls>>();
  /** The start of the controls' ids: `d` → `#d-town`, `#d-village`. */
  readonly idPrefix = input.required<string>();
  /** The town of a record being edited: its town is kept, its villages offered. */
  readonly town = input<string | null>(null);
  /** Editing a record: its town is not chosen again. */
  readonly editing = input(false);
  readonly placeholder = input<TKey | null>(null);
  readonly testId = input<string | null>(null);

  private readonly orgTree = signal<OrgTreeNode[]>([]);
  private readonly townId = signal<string | null>(null);
  protected readonly towns = computed(() => this.auth.me()?.scope.towns ?? []);
  protected readonly choosesTown = computed(() => !this.editing() && this.towns().length > 1);
  protected readonly villages = computed(() => villagesUnder(this.orgTree(), this.town() ?? this.townId() ?? this.auth.me()?.townId));

  constructor() {
    inject(OrgApi)
      .tree()
      .subscribe((tree) => this.orgTree.set(tree));
  }

  ngOnInit(): void {
    const { townId, villageId } = this.group().controls;
    if (this.choosesTown()) townId.addValidators(Validators.required);
    this.townId.set(townId.value);
    townId.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((id) => {
      this.townId.set(id);
      villageId.setValue(null);
    });
  }
}

/** The town chosen, sent only by a user of several towns. */
export function chosenTown(townId: string | null, auth: AuthService): { townId?: string } {
  return townId && (auth.me()?.scope.towns.length ?? 0) > 1 ? { townId } : {};
}
