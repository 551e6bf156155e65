import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, PeaceOfficerDto, UserChoiceDto } from '@fazhi/contracts';
import { RequireAllPermissions, RequirePermission } from '../../access/access.decorators';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { TownQuery } from '../../common/town-query';
import { refusePersonalQuery } from '../../ledger-core/personal-data/personal-fields';
import { PeaceOfficerCreateDto, PeaceOfficerListQuery, PeaceOfficerUnmaskDto, PeaceOfficerUpdateDto } from './peace-officer.dto';
import { PeaceOfficerService } from './peace-officer.service';

const uuid = new ParseUUIDPipe();

@ApiTags('peace-officers')
@Controller('peace-officers')
export class PeaceOfficerController {
  constructor(private readonly officers: PeaceOfficerService) {}

  @RequirePermission('dispute.read', 'peace_officer.manage')
  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() q: PeaceOfficerListQuery): Promise<Page<PeaceOfficerDto>> {
    refusePersonalQuery(q, ['phone']);
    return this.officers.list(p, q);
  }

  /** The register searched by an officer's phone, which never travels in a URL. */
  @RequirePermission('dispute.read', 'peace_officer.manage')
  @Post('search')
  @HttpCode(200)
  search(@CurrentPrincipal() p: Principal, @Body() q: PeaceOfficerListQuery): Promise<Page<PeaceOfficerDto>> {
    return this.officers.list(p, q);
  }

  @RequirePermission('peace_officer.manage')
  @Get('accounts')
  accounts(@CurrentPrincipal() p: Principal, @Query() q: TownQuery): Promise<UserChoiceDto[]> {
    return this.officers.accounts(p, q.townId);
  }

  @RequirePermission('dispute.read', 'peace_officer.manage')
  @Get(':id')
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<PeaceOfficerDto> {
    return this.officers.get(p, id);
  }

  @RequirePermission('peace_officer.manage')
  @Post()
  create(@CurrentPrincipal() p: Principal, @Body() body: PeaceOfficerCreateDto): Promise<PeaceOfficerDto> {
    return this.officers.create(p, body);
  }

  @RequirePermission('peace_officer.manage')
  @Patch(':id')
  update(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: PeaceOfficerUpdateDto): Promise<PeaceOfficerDto> {
    return this.officers.update(p, id, body);
  }

  @RequireAllPermissions(['personal.unmask'], ['dispute.read', 'peace_officer.manage'])
  @Post(':id/unmask')
  @HttpCode(200)
  unmask(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: PeaceOfficerUnmaskDto) {
    return this.officers.unmask(p, id, body);
  }
}
