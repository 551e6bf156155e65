import { Injectable, Injector, inject } from '@angular/core';
import type { NzMessageService } from 'ng-zorro-antd/message';
import type { NzNotificationService } from 'ng-zorro-antd/notification';

interface Toasts {
  message: NzMessageService;
  notification: NzNotificationService;
}

/**
 * The toasts the HTTP layer shows. ng-zorro's message and notification services (and the overlay
 * code under them) are not on the first page: the shell preloads them once it has rendered, and
 * a toast asked for before that loads them itself. A load that fails (the network is down) is
 * tried again by the next toast, and the toast falls back to the browser's own alert so that the
 * user still hears of it.
 */
@Injectable({ providedIn: 'root' })
export class Feedback {
  private readonly injector = inject(Injector);
  private toasts?: Promise<Toasts>;

  /** Loads the toast code ahead of the first toast. */
  preload(): void {
    void this.load().catch(() => undefined);
  }

  warning(text: string): Promise<void> {
    return this.show(({ message }) => message.warning(text), text);
  }

  error(text: string): Promise<void> {
    return this.show(({ message }) => message.error(text), text);
  }

  /** A lasting notice with a title and lines of detail (e.g. one per field the server refused). */
  details(title: string, lines: string): Promise<void> {
    return this.show(({ notification }) => notification.error(title, lines), `${title}\n${lines}`);
  }

  private show(toast: (toasts: Toasts) => unknown, fallback: string): Promise<void> {
    return this.load().then(
      (toasts) => void toast(toasts),
      () => window.alert(fallback),
    );
  }

  private load(): Promise<Toasts> {
    this.toasts ??= Promise.all([import('ng-zorro-antd/message'), import('ng-zorro-antd/notification')]).then(
      ([m, n]) => ({ message: this.injector.get(m.NzMessageService), notification: this.injector.get(n.NzNotificationService) }),
      (error: unknown) => {
        this.toasts = undefined;
        throw error;
      },
    );
    return this.toasts;
  }
}
