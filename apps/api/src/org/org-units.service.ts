import { Injectable } from '@nestjs/common';
import { ErrorCode, isValidTimeZone, ORG_CHILD_LEVEL, OrgTreeNode, OrgUnitDto } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { coversUnit, inScope, ResolvedScope } from '../access/data-scope';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { AppException, invalidField, notFound, staleVersion } from '../common/app-exception';
import { Clock } from '../common/clock';
import { CreateOrgUnitDto, UpdateOrgUnitDto } from './org.dto';
import { OrgUnitEntity } from './org-unit.entity';
import { OrgTreeService } from './org-tree.service';

export function toOrgUnitDto(u: OrgUnitEntity): OrgUnitDto {
  return {
    id: u.id,
    parentId: u.parentId,
    level: u.level,
    code: u.code,
    name: u.name,
    timeZone: u.timeZone,
    numberPrefix: u.numberPrefix,
    sortOrder: u.sortOrder,
    townId: u.townId,
    version: u.version,
  };
}

/** Whether a unit is visible in a scope: its town (or village) is covered, or it sits above a covered town. */
export function unitVisible(scope: ResolvedScope, unit: OrgUnitEntity, all: OrgUnitEntity[]): boolean {
  if (unit.level === 'village') return inScope(scope, { townId: unit.townId, villageId: unit.id });
  if (unit.level === 'town') {
    return inScope(scope, { townId: unit.id }) || scope.villageIds.some((v) => all.find((u) => u.id === v)?.townId === unit.id) || scope.ownTownIds.includes(unit.id);
  }
  return scope.upperUnitIds.includes(unit.id) || all.some((u) => u.level === 'town' && u.path.startsWith(unit.path) && unitVisible(scope, u, all));
}

@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tree: OrgTreeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async getTree(principal: Principal): Promise<OrgTreeNode[]> {
    const units = await this.tree.units();
    const visible = units.filter((u) => unitVisible(principal.scope, u, units));
    const nodes = new Map<string, OrgTreeNode>(visible.map((u) => [u.id, { ...toOrgUnitDto(u), children: [] }]));
    const roots: OrgTreeNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    const sort = (list: OrgTreeNode[]) => {
      list.sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
      list.forEach((n) => sort(n.children));
    };
    sort(roots);
    return roots;
  }

  async get(principal: Principal, id: string): Promise<OrgUnitDto> {
    const units = await this.tree.units();
    const unit = units.find((u) => u.id === id);
    if (!unit || !unitVisible(principal.scope, unit, units)) throw notFound({ zh: '组织机构不存在', en: 'Org unit not found' });
    return toOrgUnitDto(unit);
  }

  async create(principal: Principal, dto: CreateOrgUnitDto): Promise<OrgUnitDto> {
    const units = await this.tree.units();
    const parent = units.find((u) => u.id === dto.parentId);
    if (!parent || !unitVisible(principal.scope, parent, units)) {
      throw invalidField('parentId', 'not_found', { zh: '上级单位不存在', en: 'Parent unit not found' });
    }
    const level = ORG_CHILD_LEVEL[parent.level];
    if (!level) throw new AppException(409, ErrorCode.ORG_HIERARCHY, { zh: '村(社区)下不能再设下级单位', en: 'A village cannot have child units' });
    if (!coversUnit(principal.scope, parent)) {
      throw new AppException(403, ErrorCode.OUT_OF_SCOPE_UNIT, { zh: '只能管理本单位范围内的组织机构', en: 'You can only manage units within your own unit' });
    }
    this.checkFields(dto.timeZone, dto.numberPrefix, level);
    const now = this.clock.now();
    const id = randomUUID();
    const unit: OrgUnitEntity = {
      id,
      parentId: parent.id,
      townId: level === 'town' ? id : level === 'village' ? parent.id : null,
      level,
      code: dto.code,
      name: dto.name,
      timeZone: dto.timeZone ?? parent.timeZone,
      numberPrefix: level === 'town' ? (dto.numberPrefix ?? null) : null,
      sortOrder: dto.sortOrder ?? 0,
      path: `${parent.path}${id}/`,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.ds.transaction(async (em) => {
      await this.assertCodeFree(em, dto.code, null);
      await em.insert(OrgUnitEntity, unit);
      await this.audit.record(em, { action: 'org_unit.create', entity: 'org_unit', entityId: id, townId: unit.townId, after: toOrgUnitDto(unit) });
    });
    this.tree.invalidate();
    return toOrgUnitDto(unit);
  }

  async update(principal: Principal, id: string, dto: UpdateOrgUnitDto): Promise<OrgUnitDto> {
    const before = await this.manageable(principal, id);
    this.checkFields(dto.timeZone, dto.numberPrefix, before.level);
    const changes: Partial<OrgUnitEntity> = {};
    if (dto.code !== undefined) changes.code = dto.code;
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.timeZone !== undefined) changes.timeZone = dto.timeZone;
    if (dto.numberPrefix !== undefined && before.level === 'town') changes.numberPrefix = dto.numberPrefix || null;
    if (dto.sortOrder !== undefined) changes.sortOrder = dto.sortOrder;
    const after = await this.ds.transaction(async (em) => {
      if (changes.code && changes.code !== before.code) await this.assertCodeFree(em, changes.code, id);
      const result = await em
        .createQueryBuilder()
        .update(OrgUnitEntity)
        .set({ ...changes, updatedAt: this.clock.now(), version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version: dto.version })
        .execute();
      if (result.affected !== 1) throw staleVersion();
      const fresh = await em.findOneByOrFail(OrgUnitEntity, { id });
      await this.audit.record(em, { action: 'org_unit.update', entity: 'org_unit', entityId: id, townId: fresh.townId, before: toOrgUnitDto(before), after: toOrgUnitDto(fresh) });
      return fresh;
    });
    this.tree.invalidate();
    return toOrgUnitDto(after);
  }

  async remove(principal: Principal, id: string, version: number): Promise<void> {
    const unit = await this.manageable(principal, id);
    await this.ds.transaction(async (em) => {
      const [{ children, users, assignments }] = await em.query<{ children: number; users: number; assignments: number }[]>(
        `SELECT (SELECT count(*) FROM org_unit WHERE parent_id = $1)::int AS children,
                (SELECT count(*) FROM app_user WHERE org_unit_id = $1)::int AS users,
                (SELECT count(*) FROM user_role WHERE org_unit_id = $1 OR $1 = ANY(village_ids))::int AS assignments`,
        [id],
      );
      if (children + users + assignments > 0) {
        throw new AppException(409, ErrorCode.ORG_NOT_EMPTY, {
          zh: `该单位下还有 ${children} 个下级单位、${users} 名用户、${assignments} 项角色分配，不能删除`,
          en: `The unit still has ${children} child units, ${users} users and ${assignments} role assignments`,
        });
      }
      const result = await em.delete(OrgUnitEntity, { id, version });
      if (result.affected !== 1) throw staleVersion();
      await this.audit.record(em, { action: 'org_unit.delete', entity: 'org_unit', entityId: id, townId: unit.townId, before: toOrgUnitDto(unit) });
    });
    this.tree.invalidate();
  }

  private async manageable(principal: Principal, id: string): Promise<OrgUnitEntity> {
    const units = await this.tree.units();
    const unit = units.find((u) => u.id === id);
    if (!unit || !unitVisible(principal.scope, unit, units)) throw notFound({ zh: '组织机构不存在', en: 'Org unit not found' });
    if (!coversUnit(principal.scope, unit)) {
      throw new AppException(403, ErrorCode.OUT_OF_SCOPE_UNIT, { zh: '只能管理本单位范围内的组织机构', en: 'You can only manage units within your own unit' });
    }
    return unit;
  }

  private checkFields(timeZone: string | undefined, numberPrefix: string | null | undefined, level: string): void {
    if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
      throw invalidField('timeZone', 'time_zone', { zh: '时区无效(例如 Asia/Shanghai)', en: 'Unknown time zone (e.g. Asia/Shanghai)' });
    }
    if (numberPrefix && level !== 'town') {
      throw invalidField('numberPrefix', 'town_only', { zh: '只有镇(街道)设置编号前缀', en: 'Only towns have a number prefix' });
    }
  }

  private async assertCodeFree(em: import('typeorm').EntityManager, code: string, exceptId: string | null): Promise<void> {
    const existing = await em.findOneBy(OrgUnitEntity, { code });
    if (existing && existing.id !== exceptId) {
      throw new AppException(409, ErrorCode.DUPLICATE, { zh: '单位编码已存在', en: 'The unit code is already in use' }, [
        { path: 'code', code: 'duplicate', message: { zh: '单位编码已存在', en: 'The unit code is already in use' } },
      ]);
    }
  }
}
