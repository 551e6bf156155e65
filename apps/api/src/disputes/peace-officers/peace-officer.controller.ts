import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PeaceOfficerDto } from '@fazhi/contracts';
import { RegisterRoutes } from '../../ledger-core/kit/register-routes';
import { PeaceOfficerCreateDto, PeaceOfficerListQuery, PeaceOfficerUnmaskDto, PeaceOfficerUpdateDto } from './peace-officer.dto';
import { PeaceOfficerService } from './peace-officer.service';

@ApiTags('peace-officers')
@Controller('peace-officers')
export class PeaceOfficerController extends RegisterRoutes<
  PeaceOfficerDto,
  PeaceOfficerDto,
  { list: PeaceOfficerListQuery; create: PeaceOfficerCreateDto; update: PeaceOfficerUpdateDto; unmask: PeaceOfficerUnmaskDto }
>({
  read: ['dispute.read', 'peace_officer.manage'],
  write: 'peace_officer.manage',
  listQuery: PeaceOfficerListQuery,
  createBody: PeaceOfficerCreateDto,
  updateBody: PeaceOfficerUpdateDto,
  unmaskBody: PeaceOfficerUnmaskDto,
  search: true,
  personalQuery: ['phone'],
  accounts: true,
}) {
  constructor(officers: PeaceOfficerService) {
    super(officers);
  }
}
