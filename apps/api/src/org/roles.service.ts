import { Injectable } from '@nestjs/common';
import { dutyOfCodes, ErrorCode, isProtectedRole, PermissionCode, RoleDto } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppException, notFound, staleVersion } from '../common/app-exception';
import { Clock } from '../common/clock';
import { CreateRoleDto, UpdateRoleDto } from './org.dto';
import { RoleEntity } from './role.entity';
import { Principal } from '../access/principal';
import { assertManagesDuty, describeConflict, separationOfDutiesError } from './users.service';

const protectedRole = () =>
  new AppException(409, ErrorCode.BUILTIN_ROLE_PROTECTED, {
    zh: '内置的系统管理员、安全管理员和审计管理员角色不能修改或删除',
    en: 'The built-in system administrator, security administrator and auditor roles cannot be changed or deleted',
  });

export function toRoleDto(r: RoleEntity): RoleDto {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.nameEn,
    builtin: r.builtin,
    protected: isProtectedRole(r),
    duty: dutyOfCodes(r.permissions),
    defaultScope: r.defaultScope,
    permissions: [...r.permissions].sort() as PermissionCode[],
    version: r.version,
  };
}

@Injectable()
export class RolesService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<RoleDto[]> {
    const roles = await this.ds.getRepository(RoleEntity).find({ order: { builtin: 'DESC', createdAt: 'ASC', code: 'ASC' } });
    return roles.map(toRoleDto);
  }

  async create(principal: Principal, dto: CreateRoleDto): Promise<RoleDto> {
    const permissions = [...new Set(dto.permissions)];
    const conflict = describeConflict(permissions);
    if (conflict) throw separationOfDutiesError(conflict);
    assertManagesDuty(principal, 'role', dutyOfCodes(permissions));
    const now = this.clock.now();
    const role: RoleEntity = {
      id: randomUUID(),
      code: dto.code,
      name: dto.name,
      nameEn: dto.nameEn,
      defaultScope: dto.defaultScope,
      builtin: false,
      permissions,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.ds.transaction(async (em) => {
      if (await em.findOneBy(RoleEntity, { code: dto.code })) {
        throw new AppException(409, ErrorCode.DUPLICATE, { zh: '角色编码已存在', en: 'The role code is taken' }, [
          { path: 'code', code: 'duplicate', message: { zh: '角色编码已存在', en: 'The role code is taken' } },
        ]);
      }
      await em.insert(RoleEntity, role);
      await this.audit.record(em, { action: 'role.create', entity: 'role', entityId: role.id, townId: null, after: toRoleDto(role) });
    });
    return toRoleDto(role);
  }

  async update(principal: Principal, id: string, dto: UpdateRoleDto): Promise<RoleDto> {
    return this.ds.transaction(async (em) => {
      // Held until the change commits: an assignment of this role waits and then sees the new codes.
      const before = await em.findOne(RoleEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw notFound({ zh: '角色不存在', en: 'Role not found' });
      if (isProtectedRole(before)) throw protectedRole();
      const permissions = dto.permissions ? [...new Set(dto.permissions)] : before.permissions;
      const conflict = describeConflict(permissions);
      if (conflict) throw separationOfDutiesError(conflict);
      if (dto.permissions) {
        // Every holder of the role must stay within one duty with all of their roles together.
        const holders: { username: string; permissions: string[] }[] = await em.query(
          `SELECT u.username, array_agg(DISTINCT p) AS permissions
             FROM user_role ur JOIN app_user u ON u.id = ur.user_id
             JOIN user_role other ON other.user_id = u.id AND other.role_id <> $1
             JOIN role r ON r.id = other.role_id, unnest(r.permissions) p
            WHERE ur.role_id = $1 GROUP BY u.username`,
          [id],
        );
        const blocked = holders.filter((h) => describeConflict([...h.permissions, ...permissions])).map((h) => h.username);
        if (blocked.length) {
          throw separationOfDutiesError({
            zh: `以下用户同时持有其他角色，修改后将违反三权分立:${blocked.join('、')}`,
            en: `these users hold other roles and would break the separation of duties: ${blocked.join(', ')}`,
          });
        }
      }
      const duty = dutyOfCodes(permissions);
      assertManagesDuty(principal, 'role', dutyOfCodes(before.permissions), duty);
      // A role that changes duty would move its holders' accounts to another administrator.
      if (duty !== dutyOfCodes(before.permissions)) {
        const [{ n }] = await em.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM user_role WHERE role_id = $1`, [id]);
        if (n > 0) {
          throw new AppException(409, ErrorCode.ROLE_DUTY_IN_USE, {
            zh: `该角色仍分配给 ${n} 个账户，不能改变其职责`,
            en: `The role is still assigned ${n} times; its duty cannot change`,
          });
        }
      }
      const result = await em
        .createQueryBuilder()
        .update(RoleEntity)
        .set({
          name: dto.name ?? before.name,
          nameEn: dto.nameEn ?? before.nameEn,
          defaultScope: dto.defaultScope ?? before.defaultScope,
          permissions,
          updatedAt: this.clock.now(),
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :version', { id, version: dto.version })
        .execute();
      if (result.affected !== 1) throw staleVersion();
      const after = await em.findOneByOrFail(RoleEntity, { id });
      await this.audit.record(em, { action: 'role.update', entity: 'role', entityId: id, townId: null, before: toRoleDto(before), after: toRoleDto(after) });
      return toRoleDto(after);
    });
  }

  async remove(principal: Principal, id: string, version: number): Promise<void> {
    await this.ds.transaction(async (em) => {
      const role = await em.findOneBy(RoleEntity, { id });
      if (!role) throw notFound({ zh: '角色不存在', en: 'Role not found' });
      if (isProtectedRole(role)) throw protectedRole();
      assertManagesDuty(principal, 'role', dutyOfCodes(role.permissions));
      if (role.builtin) throw new AppException(409, ErrorCode.ROLE_IN_USE, { zh: '内置角色不能删除', en: 'Built-in roles cannot be deleted' });
      const [{ n }] = await em.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM user_role WHERE role_id = $1`, [id]);
      if (n > 0) throw new AppException(409, ErrorCode.ROLE_IN_USE, { zh: `该角色仍分配给 ${n} 个账户`, en: `The role is still assigned ${n} times` });
      const result = await em.delete(RoleEntity, { id, version });
      if (result.affected !== 1) throw staleVersion();
      await this.audit.record(em, { action: 'role.delete', entity: 'role', entityId: id, townId: null, before: toRoleDto(role) });
    });
  }
}
