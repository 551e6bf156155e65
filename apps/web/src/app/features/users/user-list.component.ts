import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { OrgTreeNode, RoleDto, UserDto, UserStatus } from '@fazhi/contracts';
import { dutyManager, reservedHint } from '../../shared/duties';
import { NzMessageService } from 'ng-zorro-antd/message';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { I18nService } from '../../core/i18n/i18n.service';
import { TKey } from '../../core/i18n/dictionary';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { toTreeOptions } from '../../shared/org-tree';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { PagedList } from '../../shared/paged-list';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { OrgApi } from '../../core/api/org.api';
import { RolesApi } from '../../core/api/roles.api';
import { UserDisableComponent } from './user-disable.component';
import { UserEditorComponent } from './user-editor.component';
import { UserPasswordComponent } from './user-password.component';
import { UserRolesComponent } from './user-roles.component';
import { UserFilters, UsersApi } from './users.api';
import { FilterActionsComponent } from '../../shared/filter-actions.component';
import { AuthService } from '../../core/auth/auth.service';

export const USER_STATUS_LABELS: Record<UserStatus, TKey> = {
  active: 'users.statusActive',
  disabled: 'users.statusDisabled',
};

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserDto } | { kind: 'roles'; user: UserDto } | { kind: 'password'; user: UserDto } | { kind: 'disable'; user: UserDto };

@Component({
  selector: 'fz-user-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    ZORRO_IMPORTS,
    PageHeaderComponent,
    HasPermissionDirective,
    DateTimePipe,
    UserEditorComponent,
    UserRolesComponent,
    UserPasswordComponent,
    UserDisableComponent,
    FilterActionsComponent,
  ],
  templateUrl: './user-list.component.html',
})
export class UserListComponent {
  private readonly api = inject(UsersApi);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  /** The security administrator manages only administrative accounts: the page is named as its menu entry. */
  protected readonly titleKey = inject(AuthService).hasAny(['user.read']) ? 'users.title' : 'menu.adminAccounts';

  protected readonly list = new PagedList<UserDto, UserFilters>((query) => this.api.list(query), {
    q: '',
    orgUnitId: null,
    status: null,
    roleCode: null,
  });
  protected readonly filters = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    orgUnitId: new FormControl<string | null>(null),
    status: new FormControl<UserStatus | null>(null),
    roleCode: new FormControl<string | null>(null),
  });
  protected readonly statuses: readonly UserStatus[] = ['active', 'disabled'];
  protected readonly statusLabels = USER_STATUS_LABELS;
  protected readonly orgTree = signal<OrgTreeNode[]>([]);
  protected readonly orgNodes = computed(() => toTreeOptions(this.orgTree()));
  protected readonly roles = signal<RoleDto[]>([]);
  protected readonly manages = dutyManager('account');
  protected readonly reservedHint = reservedHint;
  /** The roles the caller may hand out: those of the duties whose accounts it manages. */
  protected readonly assignable = computed(() => this.roles().filter((r) => this.manages(r.duty)));
  protected readonly dialog = signal<Dialog | null>(null);
  protected readonly now = signal(Date.now());

  constructor() {
    this.list.load();
    inject(OrgApi)
      .tree()
      .subscribe((tree) => this.orgTree.set(tree));
    inject(RolesApi)
      .list('silent')
      .subscribe({ next: (roles) => this.roles.set(roles), error: () => this.roles.set([]) });
  }

  protected search(): void {
    const value = this.filters.getRawValue();
    this.list.search({ ...value, q: value.q.trim() });
  }

  protected resetFilters(): void {
    this.filters.reset({ q: '', orgUnitId: null, status: null, roleCode: null });
    this.list.reset();
  }

  protected roleName(role: RoleDto): string {
    return this.i18n.name(role.name, role.nameEn);
  }

  protected locked(user: UserDto): boolean {
    return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > this.now();
  }

  protected open(dialog: Dialog): void {
    this.dialog.set(dialog);
  }

  protected close(): void {
    this.dialog.set(null);
  }

  protected saved(user: UserDto, key: TKey): void {
    this.dialog.set(null);
    this.message.success(this.t(key, { name: user.displayName }));
    this.now.set(Date.now());
    this.list.load();
  }

  protected enable(user: UserDto): void {
    this.api.enable(user.id, user.version).subscribe((updated) => this.saved(updated, 'users.enabled'));
  }
}
