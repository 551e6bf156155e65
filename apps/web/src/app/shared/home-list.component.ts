import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, Directive, OnInit, TemplateRef, contentChild, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Page } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { ZORRO_IMPORTS } from './zorro';

/**
 * Marks the template that draws one item of a home list and types its `let-item` by the source
 * it is given (the same as the list's): `<ng-template [fzHomeListItem]="source" let-item>`.
 */
@Directive({ selector: 'ng-template[fzHomeListItem]' })
export class HomeListItemDirective<T> {
  readonly fzHomeListItem = input.required<Observable<Page<T>>>();

  static ngTemplateContextGuard<T>(_directive: HomeListItemDirective<T>, _context: unknown): _context is { $implicit: T } {
    return true;
  }
}

/**
 * A card of the home page that lists the first items of a page from the API, with their total as
 * a badge: each item drawn by the `ng-template` given as content (`let-item`), a word when there
 * are none, and a warning when the list could not be fetched.
 */
@Component({
  selector: 'fz-home-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, ZORRO_IMPORTS],
  template: `
    <nz-card [nzTitle]="title()" [nzExtra]="countTpl">
      <ng-template #countTpl>
        @if (total() > 0) {
          <nz-badge [nzCount]="total()" [nzOverflowCount]="99" />
        }
      </ng-template>
      @if (failed()) {
        <nz-alert nzType="warning" nzShowIcon [nzMessage]="failedText()" />
      } @else {
        <nz-spin [nzSpinning]="loading()">
          @for (entry of items(); track $index) {
            <div class="fz-home-list-item">
              <ng-container *ngTemplateOutlet="item(); context: { $implicit: entry }" />
            </div>
          } @empty {
            <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="emptyText()" />
          }
        </nz-spin>
      }
    </nz-card>
  `,
  styles: `
    .fz-home-list-item {
      padding: 8px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .fz-home-list-item:last-child {
      border-bottom: 0;
    }
  `,
})
export class HomeListComponent<T> implements OnInit {
  private readonly destroyRef = inject(DestroyRef);

  readonly title = input.required<string>();
  readonly emptyText = input.required<string>();
  readonly failedText = input.required<string>();
  /** The page to show, fetched once. */
  readonly source = input.required<Observable<Page<T>>>();

  protected readonly item = contentChild.required(HomeListItemDirective, { read: TemplateRef<{ $implicit: T }> });
  protected readonly items = signal<T[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);

  ngOnInit(): void {
    this.source()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.items.set(page.items);
          this.total.set(page.total);
          this.loading.set(false);
        },
        error: () => {
          this.loading.set(false);
          this.failed.set(true);
        },
      });
  }
}
