import { Directive, TemplateRef, ViewContainerRef, computed, effect, inject, input } from '@angular/core';
import { PermissionCode } from '@fazhi/contracts';
import { AuthService } from '../auth/auth.service';

/**
 * Renders its template when the caller holds the permission (or any one of a list):
 * `<button *fzHasPermission="'user.manage'">`, `*fzHasPermission="['a', 'b']"`.
 */
@Directive({ selector: '[fzHasPermission]' })
export class HasPermissionDirective {
  private readonly auth = inject(AuthService);
  private readonly template = inject<TemplateRef<unknown>>(TemplateRef);
  private readonly container = inject(ViewContainerRef);

  readonly fzHasPermission = input.required<PermissionCode | readonly PermissionCode[]>();

  private readonly allowed = computed(() => {
    const value = this.fzHasPermission();
    return this.auth.hasAny(typeof value === 'string' ? [value] : value);
  });

  constructor() {
    effect(() => {
      const allowed = this.allowed();
      if (allowed && this.container.length === 0) {
        this.container.createEmbeddedView(this.template);
      } else if (!allowed && this.container.length > 0) {
        this.container.clear();
      }
    });
  }
}
