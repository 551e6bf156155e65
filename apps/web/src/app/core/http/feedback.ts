import { Injectable, Injector, inject } from '@angular/core';
import type { NzMessageService } from 'ng-zorro-antd/message';
import type { NzNotificationService } from 'ng-zorro-antd/notification';

interface Toasts {
  message: NzMessageService;
  notification: NzNotificationService;
}

/**
 * The toasts the HTTP layer shows. ng-zorro's message and notification services (and the overlay
 * code under them) load with the first toast, so the first page a user opens does not carry them.
 */
@Injectable({ providedIn: 'root' })
export class Feedback {
  private readonly injector = inject(Injector);
  private toasts?: Promise<Toasts>;

  warning(text: string): Promise<void> {
    return this.load().then(({ message }) => void message.warning(text));
  }

  error(text: string): Promise<void> {
    return this.load().then(({ message }) => void message.error(text));
  }

  /** A lasting notice with a title and lines of detail (e.g. one per field the server refused). */
  details(title: string, lines: string): Promise<void> {
    return this.load().then(({ notification }) => void notification.error(title, lines));
  }

  private load(): Promise<Toasts> {
    this.toasts ??= Promise.all([import('ng-zorro-antd/message'), import('ng-zorro-antd/notification')]).then(([m, n]) => ({
      message: this.injector.get(m.NzMessageService),
      notification: this.injector.get(n.NzNotificationService),
    }));
    return this.toasts;
  }
}
