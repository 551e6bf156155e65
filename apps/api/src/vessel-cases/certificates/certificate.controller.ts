import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CertificateDto, OfficerOption } from '@fazhi/contracts';
import { RequirePermission } from '../../access/access.decorators';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { RegisterRoutes } from '../../ledger-core/kit/register-routes';
import { CertificateCreateDto, CertificateEventDto, CertificateListQuery } from './certificate.dto';
import { CertificateService } from './certificate.service';

@ApiTags('certificates')
@Controller('certificates')
export class CertificateController extends RegisterRoutes<CertificateDto, CertificateDto, { list: CertificateListQuery; create: CertificateCreateDto; update: object }>({
  read: ['certificate.manage', 'vessel.read', 'legal.read'],
  write: 'certificate.manage',
  listQuery: CertificateListQuery,
  createBody: CertificateCreateDto,
}) {
  constructor(private readonly certificates: CertificateService) {
    super(certificates);
  }

  @RequirePermission('certificate.manage')
  @Get('officers')
  officers(@CurrentPrincipal() p: Principal): Promise<OfficerOption[]> {
    return this.certificates.officers(p);
  }

  @RequirePermission('certificate.manage')
  @Post(':id/events')
  addEvent(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CertificateEventDto): Promise<CertificateDto> {
    return this.certificates.addEvent(p, id, body);
  }
}
