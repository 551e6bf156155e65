import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MyDeadlineDto, Page } from '@fazhi/contracts';
import { Authenticated } from '../../access/access.decorators';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { MyDeadlinesQuery } from './deadlines.dto';
import { DeadlinesService } from './deadlines.service';

@ApiTags('deadlines')
@Controller('my/deadlines')
export class MyDeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Authenticated()
  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() q: MyDeadlinesQuery): Promise<Page<MyDeadlineDto>> {
    return this.deadlines.mine(p, q);
  }
}
