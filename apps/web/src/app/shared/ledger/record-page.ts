import { Directive, OnInit, input, signal } from '@angular/core';
import { Observable } from 'rxjs';

/**
 * A detail page's record: read by the route's `:id` when the page opens, and replaced by the
 * record shell's answers (`(changed)="changed($event)"`: the new detail, or null to read it again).
 */
@Directive()
export abstract class RecordPage<D> implements OnInit {
  readonly id = input.required<string>();
  protected readonly record = signal<D | null>(null);
  protected abstract readonly api: { get(id: string): Observable<D> };

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.api.get(this.id()).subscribe((record) => this.record.set(record));
  }

  protected changed(detail: D | null): void {
    if (detail) this.record.set(detail);
    else this.load();
  }
}
