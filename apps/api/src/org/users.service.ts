import { Injectable } from '@nestjs/common';
import { Duty, dutyConflict, dutyOfCodes, ErrorCode, managingPermission, maskPhone, Page, RoleAssignmentInput, UserDto } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { coversUnit, inScope } from '../access/data-scope';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { AppException, BilingualFieldError, invalidFields, notFound, staleVersion } from '../common/app-exception';
import { Clock } from '../common/clock';
import { pageOf, toPage } from '../common/pagination';
import { AccountCredentials } from './account-credentials';
import { CreateUserDto, DisableUserDto, ResetPasswordDto, SetRolesDto, UpdateUserDto, UserListQuery } from './org.dto';
import { OrgTreeService } from './org-tree.service';
import { OrgUnitEntity } from './org-unit.entity';
import { RoleEntity, UserRoleEntity } from './role.entity';
import { UserEntity } from './user.entity';
import { AssignmentRow, UserRow, UsersRepository } from './users.repository';

export const separationOfDutiesError = (detail: { zh: string; en: string }) =>
  new AppException(409, ErrorCode.SEPARATION_OF_DUTIES, {
    zh: `违反三权分立:${detail.zh}`,
    en: `Separation of duties: ${detail.en}`,
  });

const DUTY_NAMES: Record<string, string> = { system: '系统管理', security: '安全管理', audit: '安全审计', business: '业务' };

export function describeConflict(codes: Iterable<string>): { zh: string; en: string } | null {
  const c = dutyConflict(codes);
  if (!c) return null;
  return {
    zh: `同一账户或角色不能同时具有${c.duties.map((d) => DUTY_NAMES[d]).join('、')}职责`,
    en: `one account or role cannot combine the ${c.duties.join(', ')} duties`,
  };
}

const dutyReserved = (duty: Duty, of: 'account' | 'role') =>
  duty === 'business'
    ? new AppException(403, ErrorCode.BUSINESS_DUTY_RESERVED, {
        zh: of === 'account' ? '普通账户由系统管理员管理' : '业务角色由系统管理员管理',
        en: of === 'account' ? 'Ordinary accounts are managed by the system administrator' : 'Business roles are managed by the system administrator',
      })
    : new AppException(403, ErrorCode.ADMIN_DUTY_RESERVED, {
        zh: of === 'account' ? '系统管理、安全管理和安全审计账户只能由安全管理员管理' : '系统管理、安全管理和安全审计角色只能由安全管理员管理',
        en:
          of === 'account'
            ? 'Accounts of the system, security and audit duties are managed by the security administrator only'
            : 'Roles of the system, security and audit duties are managed by the security administrator only',
      });

/**
 * Separation of duties across accounts: the security administrator manages the accounts (and
 * roles) of the three administrative duties, the system administrator the ordinary ones.
 */
export function assertManagesDuty(principal: Principal, of: 'account' | 'role', ...duties: Duty[]): void {
  for (const duty of duties) if (!principal.permissions.has(managingPermission(duty, of))) throw dutyReserved(duty, of);
}

type Assignment = { role: RoleEntity; input: RoleAssignmentInput; unit: OrgUnitEntity };
const dutyOfAssignments = (list: { role: RoleEntity }[]) => dutyOfCodes(list.flatMap((a) => a.role.permissions));

@Injectable()
export class UsersService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: UsersRepository,
    private readonly tree: OrgTreeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly credentials: AccountCredentials,
  ) {}

  async list(principal: Principal, query: UserListQuery): Promise<Page<UserDto>> {
    const { page, pageSize, offset } = pageOf(query);
    const { rows, total } = await this.repo.list(principal.scope, this.clock.now(), { ...query, adminDutyOnly: !principal.permissions.has('user.read'), offset, limit: pageSize });
    return toPage(await this.toDtos(rows), total, page, pageSize);
  }

  async get(principal: Principal, id: string): Promise<UserDto> {
    return (await this.toDtos([await this.visible(principal, id)]))[0];
  }

  async create(principal: Principal, dto: CreateUserDto): Promise<UserDto> {
    const username = dto.username.toLowerCase();
    const unit = await this.unitInScope(principal, dto.orgUnitId, 'orgUnitId');
    await this.credentials.assertPasswordPolicy(username, dto.password, { path: 'password' });
    const assignments = await this.checkAssignments(principal, dto.roles);
    assertManagesDuty(principal, 'account', dutyOfAssignments(assignments));
    const hash = await this.credentials.hash(dto.password);
    const now = this.clock.now();
    const id = randomUUID();
    await this.ds.transaction(async (em) => {
      if (await em.findOneBy(UserEntity, { username })) {
        throw new AppException(409, ErrorCode.DUPLICATE, { zh: '用户名已存在', en: 'The username is taken' }, [
          { path: 'username', code: 'duplicate', message: { zh: '用户名已存在', en: 'The username is taken' } },
        ]);
      }
      const user: UserEntity = {
        id,
        username,
        displayName: dto.displayName,
        phone: dto.phone || null,
        orgUnitId: unit.id,
        townId: unit.townId,
        passwordHash: hash,
        passwordChangedAt: now,
        mustChangePassword: true,
        demo: false,
        status: 'active',
        disabledReason: null,
        lastLoginAt: null,
        createdAt: now,
        createdBy: principal.user.id,
        updatedAt: now,
        updatedBy: principal.user.id,
        version: 1,
      };
      await em.insert(UserEntity, user);
      await this.credentials.recordPassword(em, id, hash, now);
      await this.writeAssignments(em, id, assignments, now, principal);
      await this.audit.record(em, { action: 'user.create', entity: 'user', entityId: id, townId: unit.townId, after: this.snapshot(user, assignments) });
    });
    return this.get(principal, id);
  }

  async update(principal: Principal, id: string, dto: UpdateUserDto): Promise<UserDto> {
    const before = await this.managed(principal, id);
    const unit = dto.orgUnitId ? await this.unitInScope(principal, dto.orgUnitId, 'orgUnitId') : null;
    await this.ds.transaction(async (em) => {
      const set: Partial<UserEntity> = { updatedAt: this.clock.now(), updatedBy: principal.user.id };
      if (dto.displayName !== undefined) set.displayName = dto.displayName;
      if (dto.phone !== undefined) set.phone = dto.phone || null;
      if (unit) {
        set.orgUnitId = unit.id;
        set.townId = unit.townId;
      }
      await this.versionedUpdate(em, id, dto.version, set);
      const after = await em.findOneByOrFail(UserEntity, { id });
      await this.audit.record(em, {
        action: 'user.update',
        entity: 'user',
        entityId: id,
        townId: after.townId,
        before: { displayName: before.displayName, phone: before.phone, orgUnitId: before.orgUnitId },
        after: { displayName: after.displayName, phone: after.phone, orgUnitId: after.orgUnitId },
      });
    });
    return this.get(principal, id);
  }

  async setRoles(principal: Principal, id: string, dto: SetRolesDto): Promise<UserDto> {
    if (id === principal.user.id) {
      throw new AppException(403, ErrorCode.SELF_ROLE_CHANGE, { zh: '不能修改自己的角色', en: 'You cannot change your own roles' });
    }
    const target = await this.managed(principal, id);
    const assignments = await this.checkAssignments(principal, dto.roles);
    assertManagesDuty(principal, 'account', dutyOfAssignments(assignments));
    const [before] = await this.toDtos([target]);
    await this.ds.transaction(async (em) => {
      await this.versionedUpdate(em, id, dto.version, { updatedAt: this.clock.now(), updatedBy: principal.user.id });
      await em.delete(UserRoleEntity, { userId: id });
      await this.writeAssignments(em, id, assignments, this.clock.now(), principal);
      await this.audit.record(em, {
        action: 'user.roles.update',
        entity: 'user',
        entityId: id,
        townId: target.townId,
        before: { roles: before.roles.map(({ roleCode, orgUnitId, scope, villageIds }) => ({ roleCode, orgUnitId, scope, villageIds })) },
        after: { roles: assignments.map(({ role, input }) => ({ roleCode: role.code, orgUnitId: input.orgUnitId, scope: input.scope, villageIds: input.villageIds ?? [] })) },
      });
    });
    return this.get(principal, id);
  }

  async setStatus(principal: Principal, id: string, status: 'active' | 'disabled', dto: DisableUserDto): Promise<UserDto> {
    if (id === principal.user.id && status === 'disabled') {
      throw new AppException(403, ErrorCode.SELF_DISABLE, { zh: '不能停用自己的账户', en: 'You cannot disable your own account' });
    }
    const before = await this.managed(principal, id);
    await this.ds.transaction(async (em) => {
      await this.versionedUpdate(em, id, dto.version, {
        status,
        disabledReason: status === 'disabled' ? (dto.reason ?? null) : null,
        updatedAt: this.clock.now(),
        updatedBy: principal.user.id,
      });
      const ended = status === 'disabled' ? await this.credentials.endSessions(em, id, 'disabled') : 0;
      await this.audit.record(em, {
        action: status === 'disabled' ? 'user.disable' : 'user.enable',
        entity: 'user',
        entityId: id,
        townId: before.townId,
        before: { status: before.status },
        after: { status, reason: dto.reason ?? null },
        detail: { sessionsEnded: ended },
      });
    });
    return this.get(principal, id);
  }

  async resetPassword(principal: Principal, id: string, dto: ResetPasswordDto): Promise<UserDto> {
    const target = await this.managed(principal, id);
    await this.credentials.assertPasswordPolicy(target.username, dto.newPassword, { userId: id });
    const hash = await this.credentials.hash(dto.newPassword);
    await this.ds.transaction(async (em) => {
      const now = this.clock.now();
      await this.credentials.keepOutgoingPassword(em, id);
      await this.versionedUpdate(em, id, dto.version, {
        passwordHash: hash,
        passwordChangedAt: now,
        mustChangePassword: true,
        demo: false,
        updatedAt: now,
        updatedBy: principal.user.id,
      });
      await this.credentials.recordPassword(em, id, hash, now);
      const ended = await this.credentials.endSessions(em, id, 'password_reset');
      await this.audit.record(em, { action: 'user.password.reset', entity: 'user', entityId: id, townId: target.townId, detail: { sessionsEnded: ended } });
    });
    return this.get(principal, id);
  }

  private async versionedUpdate(em: EntityManager, id: string, version: number, set: Partial<UserEntity>): Promise<void> {
    const result = await em
      .createQueryBuilder()
      .update(UserEntity)
      .set({ ...set, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (result.affected !== 1) throw staleVersion();
  }

  /** A user in the caller's scope; a caller who manages only administrative accounts sees only those. */
  private async visible(principal: Principal, id: string): Promise<UserRow & { duty: Duty }> {
    const row = await this.repo.one(id, this.clock.now());
    const duty = row ? dutyOfCodes((await this.repo.assignments([id])).flatMap((a) => a.permissions)) : 'business';
    if (!row || !inScope(principal.scope, { townId: row.townId }) || (duty === 'business' && !principal.permissions.has('user.read'))) {
      throw notFound({ zh: '用户不存在', en: 'User not found' });
    }
    return { ...row, duty };
  }

  /** A visible user whose account the caller manages by duty. */
  private async managed(principal: Principal, id: string): Promise<UserRow & { duty: Duty }> {
    const row = await this.visible(principal, id);
    assertManagesDuty(principal, 'account', row.duty);
    return row;
  }

  private async unitInScope(principal: Principal, unitId: string, path: string): Promise<OrgUnitEntity> {
    const unit = (await this.tree.byId()).get(unitId);
    if (!unit || !inScope(principal.scope, { townId: unit.townId, villageId: unit.level === 'village' ? unit.id : null })) {
      throw invalidFields([{ path, code: 'not_found', message: { zh: '单位不存在或不在您的管理范围内', en: 'Unit not found or outside your unit' } }]);
    }
    return unit;
  }

  /** Checks each assignment (role, unit, villages) and the separation of duties of their union. */
  private async checkAssignments(principal: Principal, inputs: RoleAssignmentInput[]): Promise<Assignment[]> {
    const roles = await this.ds.getRepository(RoleEntity).find();
    const byId = await this.tree.byId();
    const errors: BilingualFieldError[] = [];
    const out: Assignment[] = [];
    inputs.forEach((input, i) => {
      const role = roles.find((r) => r.id === input.roleId);
      if (!role) errors.push({ path: `roles[${i}].roleId`, code: 'not_found', message: { zh: '角色不存在', en: 'Role not found' } });
      const unit = byId.get(input.orgUnitId);
      if (!unit || !inScope(principal.scope, { townId: unit.townId, villageId: unit.level === 'village' ? unit.id : null })) {
        errors.push({ path: `roles[${i}].orgUnitId`, code: 'not_found', message: { zh: '单位不存在或不在您的管理范围内', en: 'Unit not found or outside your unit' } });
      }
      if (unit && input.scope === 'all' && !coversUnit(principal.scope, unit)) {
        errors.push({ path: `roles[${i}].scope`, code: 'out_of_scope', message: { zh: '不能授予超出您管理范围的数据权限', en: 'Cannot grant a scope wider than your own' } });
      }
      if (input.scope === 'villages') {
        const villages = input.villageIds ?? [];
        if (villages.length === 0) errors.push({ path: `roles[${i}].villageIds`, code: 'required', message: { zh: '请选择至少一个村(社区)', en: 'Choose at least one village' } });
        villages.forEach((v, j) => {
          const village = byId.get(v);
          const townOfUnit = unit?.townId;
          if (!village || village.level !== 'village' || (townOfUnit && village.townId !== townOfUnit) || !inScope(principal.scope, { townId: village.townId, villageId: village.id })) {
            errors.push({ path: `roles[${i}].villageIds[${j}]`, code: 'not_found', message: { zh: '村(社区)不存在或不属于该单位', en: 'Village not found or not in that unit' } });
          }
        });
      } else if (input.villageIds?.length) {
        errors.push({ path: `roles[${i}].villageIds`, code: 'not_allowed', message: { zh: '只有“指定村(社区)”范围才能选择村', en: 'Villages apply only to the "assigned villages" scope' } });
      }
      if (role && unit) out.push({ role, input, unit });
    });
    if (errors.length) throw invalidFields(errors);
    const conflict = describeConflict(out.flatMap((a) => a.role.permissions));
    if (conflict) throw separationOfDutiesError(conflict);
    return out;
  }

  /**
   * Writes the assignments with their roles held still: a role that changed duty since it was
   * read (roles.service locks the row it changes) is checked again before it is handed out.
   */
  private async writeAssignments(em: EntityManager, userId: string, list: Assignment[], now: Date, principal?: Principal): Promise<void> {
    const codes = await this.repo.lockRolePermissions(
      em,
      list.map((a) => a.role.id),
    );
    const conflict = describeConflict(codes);
    if (conflict) throw separationOfDutiesError(conflict);
    if (principal) assertManagesDuty(principal, 'account', dutyOfCodes(codes));
    for (const { role, input, unit } of list) {
      await em.insert(UserRoleEntity, {
        id: randomUUID(),
        userId,
        roleId: role.id,
        orgUnitId: unit.id,
        townId: unit.townId,
        scope: input.scope,
        villageIds: input.scope === 'villages' ? [...new Set(input.villageIds ?? [])] : [],
        createdAt: now,
      });
    }
  }

  private snapshot(user: UserEntity, list: { role: RoleEntity; input: RoleAssignmentInput }[]) {
    return {
      username: user.username,
      displayName: user.displayName,
      phone: user.phone,
      orgUnitId: user.orgUnitId,
      status: user.status,
      roles: list.map(({ role, input }) => ({ roleCode: role.code, orgUnitId: input.orgUnitId, scope: input.scope, villageIds: input.villageIds ?? [] })),
    };
  }

  private async toDtos(rows: UserRow[]): Promise<UserDto[]> {
    const assignments = await this.repo.assignments(rows.map((r) => r.id));
    const byUser = new Map<string, AssignmentRow[]>();
    for (const a of assignments) byUser.set(a.userId, [...(byUser.get(a.userId) ?? []), a]);
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      phone: maskPhone(r.phone),
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitName,
      status: r.status,
      mustChangePassword: r.mustChangePassword,
      lastLoginAt: r.lastLoginAt ? new Date(r.lastLoginAt).toISOString() : null,
      lockedUntil: r.lockedUntil ? new Date(r.lockedUntil).toISOString() : null,
      duty: dutyOfCodes((byUser.get(r.id) ?? []).flatMap((a) => a.permissions)),
      roles: (byUser.get(r.id) ?? []).map((a) => ({
        id: a.id,
        roleId: a.roleId,
        roleCode: a.roleCode,
        roleName: a.roleName,
        roleNameEn: a.roleNameEn,
        orgUnitId: a.orgUnitId,
        orgUnitName: a.orgUnitName,
        scope: a.scope as UserDto['roles'][number]['scope'],
        villageIds: a.villageIds,
      })),
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
      version: r.version,
    }));
  }
}
