import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { NotificationDto, NotificationPage } from '@fazhi/contracts';
import { Authenticated } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { TownQuery } from '../common/town-query';
import { NotificationListQuery } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Authenticated()
  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() q: NotificationListQuery): Promise<NotificationPage> {
    return this.notifications.list(p, q);
  }

  @Authenticated()
  @Get('unread-count')
  unreadCount(@CurrentPrincipal() p: Principal, @Query() q: TownQuery): Promise<{ unread: number }> {
    return this.notifications.unreadCount(p, q.townId);
  }

  @Authenticated()
  @Post('read-all')
  @HttpCode(200)
  markAllRead(@CurrentPrincipal() p: Principal, @Query() q: TownQuery): Promise<{ updated: number }> {
    return this.notifications.markAllRead(p, q.townId);
  }

  @Authenticated()
  @Post(':id/read')
  @HttpCode(200)
  markRead(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(p, id);
  }
}
