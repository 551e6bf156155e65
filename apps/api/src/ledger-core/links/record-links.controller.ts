import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RecordLinkDto } from '@fazhi/contracts';
import { RequirePermission } from '../../access/access.decorators';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { RecordLinks } from './record-links';

/** `GET /api/records/:ledger/:id/links`: the links of a record the caller may read (its ledger's read permission and scope). */
@ApiTags('records')
@Controller('records')
export class RecordLinksController {
  constructor(private readonly links: RecordLinks) {}

  @RequirePermission('dispute.read', 'advisor.read')
  @Get(':ledger/:id/links')
  linksOf(@CurrentPrincipal() p: Principal, @Param('ledger') ledger: string, @Param('id', new ParseUUIDPipe()) id: string): Promise<RecordLinkDto[]> {
    return this.links.linksOf(p, ledger, id);
  }
}
