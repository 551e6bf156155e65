import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LoginResult, MeDto, SessionState, TokenResult } from '@fazhi/contracts';
import type { Request } from 'express';
import type { Response } from 'express';
import { Authenticated, Public } from '../access/access.decorators';
import { CurrentPrincipal } from '../access/principal';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ChangePasswordDto, LoginDto } from './auth.dto';
import { tokenOf } from './auth.guard';
import { AccountPrincipal, AuthService } from './auth.service';
import { SESSION_COOKIE } from './session.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) res: Response): Promise<LoginResult> {
    const { token, session } = await this.auth.signIn({ ...body, kind: 'cookie' });
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
      // A lifetime rather than an instant: the browser counts it on its own clock, which may differ from the server's.
      maxAge: session.expiresAt.getTime() - session.createdAt.getTime(),
    });
    const principal = await this.auth.principalFor(token);
    if ('error' in principal) throw new Error('session vanished right after sign-in');
    return { user: await this.auth.me(principal) };
  }

  @Public()
  @Post('token')
  @HttpCode(200)
  async token(@Body() body: LoginDto): Promise<TokenResult> {
    const { token, session } = await this.auth.signIn({ ...body, kind: 'bearer' });
    return { token, tokenType: 'Bearer', expiresAt: session.expiresAt.toISOString() };
  }

  /** Who is signed in, answering 200 with `user: null` for nobody (no error for a first visit). */
  @Public()
  @Get('session')
  async session(@Req() req: Request): Promise<SessionState> {
    const token = tokenOf(req);
    const principal = token ? await this.auth.principalFor(token) : null;
    return { user: principal && !('error' in principal) ? await this.auth.me(principal) : null };
  }

  @Authenticated({ duringPasswordChange: true })
  @Get('me')
  me(@CurrentPrincipal() principal: AccountPrincipal): Promise<MeDto> {
    return this.auth.me(principal);
  }

  @Authenticated({ duringPasswordChange: true })
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentPrincipal() principal: AccountPrincipal, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.signOut(principal);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure, path: '/' });
  }

  @Authenticated({ duringPasswordChange: true })
  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentPrincipal() principal: AccountPrincipal, @Body() body: ChangePasswordDto, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.changePassword(principal, body.currentPassword, body.newPassword);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure, path: '/' });
  }
}
