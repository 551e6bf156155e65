import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OrgTreeNode, OrgUnitDto, Page, PERMISSIONS, PermissionDef, RoleDto, UserDto } from '@fazhi/contracts';
import { Authenticated, RequirePermission } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { VersionDto, VersionQuery } from '../common/version';
import { CreateOrgUnitDto, CreateRoleDto, CreateUserDto, DisableUserDto, ResetPasswordDto, SetRolesDto, UpdateOrgUnitDto, UpdateRoleDto, UpdateUserDto, UserListQuery } from './org.dto';
import { OrgUnitsService } from './org-units.service';
import { RolesService } from './roles.service';
import { UsersService } from './users.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('org')
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  @Authenticated()
  @Get('tree')
  tree(@CurrentPrincipal() p: Principal): Promise<OrgTreeNode[]> {
    return this.units.getTree(p);
  }

  @Authenticated()
  @Get(':id')
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<OrgUnitDto> {
    return this.units.get(p, id);
  }

  @RequirePermission('org.manage')
  @Post()
  create(@CurrentPrincipal() p: Principal, @Body() body: CreateOrgUnitDto): Promise<OrgUnitDto> {
    return this.units.create(p, body);
  }

  @RequirePermission('org.manage')
  @Patch(':id')
  update(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: UpdateOrgUnitDto): Promise<OrgUnitDto> {
    return this.units.update(p, id, body);
  }

  @RequirePermission('org.manage')
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Query() q: VersionQuery): Promise<void> {
    return this.units.remove(p, id, q.version);
  }
}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @RequirePermission('user.read', 'security.accounts')
  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() q: UserListQuery): Promise<Page<UserDto>> {
    return this.users.list(p, q);
  }

  @RequirePermission('user.read', 'security.accounts')
  @Get(':id')
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<UserDto> {
    return this.users.get(p, id);
  }

  @RequirePermission('user.manage', 'security.accounts')
  @Post()
  create(@CurrentPrincipal() p: Principal, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(p, body);
  }

  @RequirePermission('user.manage', 'security.accounts')
  @Patch(':id')
  update(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.update(p, id, body);
  }

  @RequirePermission('user.manage', 'security.accounts')
  @Put(':id/roles')
  setRoles(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: SetRolesDto): Promise<UserDto> {
    return this.users.setRoles(p, id, body);
  }

  @RequirePermission('user.manage', 'security.accounts')
  @Post(':id/disable')
  @HttpCode(200)
  disable(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: DisableUserDto): Promise<UserDto> {
    return this.users.setStatus(p, id, 'disabled', body);
  }

  @RequirePermission('user.manage', 'security.accounts')
  @Post(':id/enable')
  @HttpCode(200)
  enable(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: VersionDto): Promise<UserDto> {
    return this.users.setStatus(p, id, 'active', body);
  }

  @RequirePermission('user.manage', 'security.accounts')
  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: ResetPasswordDto): Promise<UserDto> {
    return this.users.resetPassword(p, id, body);
  }
}

@ApiTags('roles')
@Controller()
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @RequirePermission('role.read', 'security.accounts')
  @Get('permissions')
  permissions(): PermissionDef[] {
    return PERMISSIONS.map((p) => ({ ...p }));
  }

  @RequirePermission('role.read', 'security.accounts')
  @Get('roles')
  list(): Promise<RoleDto[]> {
    return this.roles.list();
  }

  @RequirePermission('role.manage', 'security.accounts')
  @Post('roles')
  create(@CurrentPrincipal() p: Principal, @Body() body: CreateRoleDto): Promise<RoleDto> {
    return this.roles.create(p, body);
  }

  @RequirePermission('role.manage', 'security.accounts')
  @Patch('roles/:id')
  update(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: UpdateRoleDto): Promise<RoleDto> {
    return this.roles.update(p, id, body);
  }

  @RequirePermission('role.manage', 'security.accounts')
  @Delete('roles/:id')
  @HttpCode(204)
  remove(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Query() q: VersionQuery): Promise<void> {
    return this.roles.remove(p, id, q.version);
  }
}
