import { Signal, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup } from '@angular/forms';
import { OrgTreeNode } from '@fazhi/contracts';
import { OrgApi } from '../../core/api/org.api';
import { AuthService } from '../../core/auth/auth.service';
import { OrgNames } from '../org-tree';
import { RegisterEditor, RegisterField } from './register-form';
import { RegisterFilter } from './register-page.component';

/**
 * The places a register's page offers: the caller's towns, the org tree's names (empty until it
 * arrives), the town and village filters, and the town and village fields of its form. Create it
 * in a component's field initialiser.
 */
export class RegisterPlaces {
  readonly towns = computed(() => this.auth.me()?.scope.towns ?? []);
  /** The caller sees several towns: the town is a filter, and chosen on create. */
  readonly several = computed(() => this.towns().length > 1);
  readonly names: Signal<OrgNames>;
  private readonly auth = inject(AuthService);
  private readonly townOptions = () => this.towns().map((town) => ({ value: town.id, label: town.name }));

  constructor() {
    const tree = toSignal(inject(OrgApi).tree(), { initialValue: [] as OrgTreeNode[] });
    this.names = computed(() => new OrgNames(tree()));
  }

  /** The villages of a town (of every town when none is given), as choices. */
  villages(town: string | null, label: (village: OrgTreeNode) => string = (village) => village.name): { value: string; label: string }[] {
    return this.names()
      .villages.filter((village) => !town || village.townId === town)
      .map((village) => ({ value: village.id, label: label(village) }));
  }

  /** The `townId` filter (for a caller of several towns) and the `villageId` filter of the chosen town; choosing a town clears the village. */
  filters(form: FormGroup): RegisterFilter[] {
    const { townId, villageId } = form.controls as { townId: FormControl<string | null>; villageId: FormControl<string | null> };
    const town = toSignal(townId.valueChanges, { initialValue: townId.value });
    townId.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => villageId.setValue(null));
    return [
      { name: 'townId', kind: 'select', label: 'record.town', options: this.townOptions, when: this.several, testId: 'filter-town' },
      { name: 'villageId', kind: 'select', label: 'record.village', search: true, testId: 'filter-village', options: () => this.villages(town(), (v) => this.names().villageLabel(v)) },
    ];
  }

  /** The form's town, chosen by a caller of several towns while `creating` holds. */
  townField<T>(creating: () => boolean = () => true): RegisterField<T> {
    return { name: 'townId', kind: 'select', label: 'record.town', required: true, when: () => creating() && this.several(), options: this.townOptions };
  }

  /**
   * The form's town (chosen on create by a caller of several towns; the row's stays on edit) and
   * village (of that town) fields, and the row's town while the form is open.
   */
  fields<T extends { id: string; version: number; townId: string }>(editor: () => RegisterEditor<T, object>): { fields: RegisterField<T>[]; town: Signal<string | null> } {
    const town = computed(() => {
      const open = editor().open();
      if (!open) return null;
      return open.item?.townId ?? (editor().values()['townId'] as string | null) ?? (this.several() ? null : (this.towns()[0]?.id ?? null));
    });
    return {
      town,
      fields: [
        { ...this.townField(() => editor().item() === null), clears: ['villageId'] },
        { name: 'villageId', kind: 'select', label: 'record.village', half: true, search: true, options: () => (town() ? this.villages(town()) : []) },
      ],
    };
  }
}
