import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { LoginResult, MeDto, PermissionCode } from '@fazhi/contracts';
import { Observable, firstValueFrom, map, tap } from 'rxjs';
import { errorDisplay } from '../http/error-display';

/** Who is signed in, as GET /api/auth/me answers it. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);

  private readonly state = signal<MeDto | null>(null);
  private loading: Promise<MeDto | null> | null = null;
  private loaded = false;

  readonly me = this.state.asReadonly();
  readonly signedIn = computed(() => this.state() !== null);
  readonly permissions = computed<ReadonlySet<string>>(() => new Set(this.state()?.permissions ?? []));

  /** True when no permission is required or the caller holds any one of them. */
  hasAny(required: readonly PermissionCode[] | undefined | null): boolean {
    if (!required || required.length === 0) return true;
    const held = this.permissions();
    return required.some((code) => held.has(code));
  }

  /** Load the session once; answers null when nobody is signed in. */
  ensureLoaded(): Promise<MeDto | null> {
    if (this.loaded) return Promise.resolve(this.state());
    this.loading ??= this.fetchMe().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  refresh(): Promise<MeDto | null> {
    this.loaded = false;
    return this.ensureLoaded();
  }

  login(username: string, password: string): Observable<MeDto> {
    return this.http.post<LoginResult>('/api/auth/login', { username, password }, errorDisplay('silent')).pipe(
      map((result) => result.user),
      tap((user) => this.set(user)),
    );
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', {}, errorDisplay('silent')).pipe(tap(() => this.clear()));
  }

  set(user: MeDto): void {
    this.state.set(user);
    this.loaded = true;
  }

  clear(): void {
    this.state.set(null);
    this.loaded = true;
  }

  private async fetchMe(): Promise<MeDto | null> {
    try {
      const me = await firstValueFrom(this.http.get<MeDto>('/api/auth/me', errorDisplay('silent')));
      this.set(me);
      return me;
    } catch {
      this.clear();
      return null;
    }
  }
}
