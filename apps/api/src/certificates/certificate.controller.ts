import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CertificateDto, OfficerOption, Page } from '@fazhi/contracts';
import { RequirePermission } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { CertificateCreateDto, CertificateEventDto, CertificateListQuery } from './certificate.dto';
import { CertificateService } from './certificate.service';

const uuid = new ParseUUIDPipe();

@ApiTags('certificates')
@Controller('certificates')
export class CertificateController {
  constructor(private readonly certificates: CertificateService) {}

  @RequirePermission('certificate.manage', 'vessel.read', 'legal.read')
  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() q: CertificateListQuery): Promise<Page<CertificateDto>> {
    return this.certificates.list(p, q);
  }

  @RequirePermission('certificate.manage')
  @Get('officers')
  officers(@CurrentPrincipal() p: Principal): Promise<OfficerOption[]> {
    return this.certificates.officers(p);
  }

  @RequirePermission('certificate.manage', 'vessel.read', 'legal.read')
  @Get(':id')
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<CertificateDto> {
    return this.certificates.get(p, id);
  }

  @RequirePermission('certificate.manage')
  @Post()
  create(@CurrentPrincipal() p: Principal, @Body() body: CertificateCreateDto): Promise<CertificateDto> {
    return this.certificates.create(p, body);
  }

  @RequirePermission('certificate.manage')
  @Post(':id/events')
  addEvent(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: CertificateEventDto): Promise<CertificateDto> {
    return this.certificates.addEvent(p, id, body);
  }
}
