import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { DATA_SCOPE_LABELS, DataScope, Duty, PermissionDef, RoleDto, dutyOf } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { I18nService } from '../../core/i18n/i18n.service';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { DUTY_COLORS, dutyManager, reservedHint } from '../../shared/duties';
import { RoleEditorComponent } from './role-editor.component';
import { RolesApi } from '../../core/api/roles.api';

type Dialog = { kind: 'create' } | { kind: 'edit'; role: RoleDto };

@Component({
  selector: 'fz-role-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, PageHeaderComponent, HasPermissionDirective, RoleEditorComponent],
  templateUrl: './role-list.component.html',
})
export class RoleListComponent {
  private readonly api = inject(RolesApi);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly roles = signal<RoleDto[]>([]);
  protected readonly manages = dutyManager('role');
  protected readonly reservedHint = reservedHint;
  protected readonly permissions = signal<PermissionDef[]>([]);
  protected readonly loading = signal(true);
  protected readonly dialog = signal<Dialog | null>(null);
  private readonly permissionByCode = computed(() => new Map(this.permissions().map((p) => [p.code, p])));

  constructor() {
    this.load();
    this.api.permissions().subscribe((permissions) => this.permissions.set(permissions));
  }

  protected load(): void {
    this.loading.set(true);
    this.api.list().subscribe({
      next: (roles) => {
        this.roles.set(roles);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  protected scopeLabel(scope: DataScope): string {
    return this.i18n.pick(DATA_SCOPE_LABELS[scope]);
  }

  protected permissionName(code: string): string {
    const permission = this.permissionByCode().get(code);
    return permission ? this.i18n.name(permission.name, permission.nameEn) : code;
  }

  protected dutyColor(code: string): string {
    const duty: Duty | undefined = dutyOf(code);
    return duty ? DUTY_COLORS[duty] : 'default';
  }

  protected saved(role: RoleDto): void {
    this.dialog.set(null);
    this.message.success(this.t('roles.saved', { name: role.name }));
    this.load();
  }

  protected remove(role: RoleDto): void {
    this.api.remove(role.id, role.version).subscribe(() => {
      this.message.success(this.t('roles.deleted', { name: role.name }));
      this.load();
    });
  }
}
