import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ORG_CHILD_LEVEL, ORG_LEVEL_LABELS, OrgLevel, OrgTreeNode, OrgUnitDto } from '@fazhi/contracts';
import { NzFormatEmitEvent } from 'ng-zorro-antd/core/tree';
import { NzMessageService } from 'ng-zorro-antd/message';
import { I18nService } from '../../core/i18n/i18n.service';
import { findOrg, toTreeOptions } from '../../shared/org-tree';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { OrgApi } from '../../core/api/org.api';
import { OrgUnitFormComponent } from './org-unit-form.component';

const LEVEL_COLORS: Record<OrgLevel, string> = { county: 'purple', town: 'blue', village: 'green' };

type Dialog = { kind: 'create'; parent: OrgTreeNode } | { kind: 'edit'; unit: OrgTreeNode };

/** The org tree (county → town → village) with details and edits of the chosen unit. */
@Component({
  selector: 'fz-org-tree',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, PageHeaderComponent, OrgUnitFormComponent],
  templateUrl: './org-tree.component.html',
  styles: `
    .fz-org-node {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .fz-org-code {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class OrgTreeComponent {
  private readonly api = inject(OrgApi);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly tree = signal<OrgTreeNode[]>([]);
  protected readonly loading = signal(true);
  protected readonly nodes = computed(() => toTreeOptions(this.tree()));
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(() => findOrg(this.tree(), this.selectedId()));
  protected readonly selectedKeys = computed(() => {
    const id = this.selectedId();
    return id ? [id] : [];
  });
  protected readonly dialog = signal<Dialog | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api.tree().subscribe({
      next: (tree) => {
        this.tree.set(tree);
        this.loading.set(false);
        if (!this.selected() && tree.length > 0) this.selectedId.set(tree[0].id);
      },
      error: () => this.loading.set(false),
    });
  }

  protected onClick(event: NzFormatEmitEvent): void {
    const key = event.node?.key;
    if (key) this.selectedId.set(key);
  }

  protected levelLabel(level: OrgLevel): string {
    return this.i18n.pick(ORG_LEVEL_LABELS[level]);
  }

  protected levelColor(level: OrgLevel): string {
    return LEVEL_COLORS[level];
  }

  protected nodeLevel(key: string): OrgLevel | null {
    return findOrg(this.tree(), key)?.level ?? null;
  }

  protected canAddChild(unit: OrgTreeNode): boolean {
    return ORG_CHILD_LEVEL[unit.level] !== null;
  }

  protected childLevelLabel(unit: OrgTreeNode): string {
    const level = ORG_CHILD_LEVEL[unit.level];
    return level ? this.levelLabel(level) : '';
  }

  protected saved(unit: OrgUnitDto): void {
    this.dialog.set(null);
    this.message.success(this.t('org.saved', { name: unit.name }));
    this.selectedId.set(unit.id);
    this.load();
  }

  protected remove(unit: OrgTreeNode): void {
    this.api.remove(unit.id, unit.version).subscribe(() => {
      this.message.success(this.t('org.deleted', { name: unit.name }));
      this.selectedId.set(unit.parentId);
      this.load();
    });
  }
}
