import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ADVISOR_SERVICE_TYPES, ADVISOR_SERVICE_TYPE_LABELS, AdvisorServiceDto, AdvisorServiceType, OrgTreeNode } from '@fazhi/contracts';
import { OrgApi } from '../../core/api/org.api';
import { I18nService } from '../../core/i18n/i18n.service';
import { FilterActionsComponent } from '../../shared/filter-actions.component';
import { FilterTagsComponent } from '../../shared/filter-tags.component';
import { LedgerHeaderComponent } from '../../shared/ledger/ledger-header.component';
import { LedgerList } from '../../shared/ledger/ledger-list';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent } from '../../shared/ledger/ledger-table.component';
import { PersonSearchComponent, personQuery, personSearchOf } from '../../shared/ledger/person-search.component';
import { OrgNames } from '../../shared/org-tree';
import { fromPlainDate, toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { ADVISOR_SERVICE_FILTERS, AdvisorServiceQuery, CLIENT_SEARCH_FIELDS } from './advisor-filters';
import { ADVISOR_SERVICE_VIEW } from './advisor-view';
import { AdvisorServiceTypes, AdvisorServicesApi } from './advisors.api';

/** The service log: filters (also from a month cell's or a figure's query string), pages, export and import. */
@Component({
  selector: 'fz-advisor-service-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ZORRO_IMPORTS, LedgerHeaderComponent, LedgerTableComponent, LedgerCellDirective, PersonSearchComponent, FilterTagsComponent, FilterActionsComponent],
  templateUrl: './service-list.component.html',
})
export class AdvisorServiceListComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly view = ADVISOR_SERVICE_VIEW;
  protected readonly typeName = (type: AdvisorServiceType) => this.i18n.pick(ADVISOR_SERVICE_TYPE_LABELS[type]);
  protected readonly columns: readonly LedgerColumn<AdvisorServiceDto>[] = [
    { key: 'number', header: 'advisors.number', width: '200px', fixed: 'left', sort: 'number', link: (item) => ['/advisors', item.id] },
    { key: 'serviceDate', header: 'advisors.serviceDate', width: '110px', sort: 'serviceDate' },
    { key: 'hours', header: 'advisors.hours', width: '90px', sort: 'hours', value: (item) => item.hours.toFixed(2) },
    { key: 'villageName', header: 'record.village', width: '110px', phone: false },
    { key: 'type', header: 'advisors.type', width: '150px', value: (item) => this.typeName(item.type), phone: false },
    { key: 'time', header: 'advisors.time', width: '120px', value: (item) => `${item.startTime}–${item.endTime}`, phone: false },
    { key: 'advisorName', header: 'advisors.advisor', width: '100px', phone: false },
    { key: 'content', header: 'advisors.content', wrap: true, phone: false },
    { key: 'handover', header: 'advisors.handover', width: '140px', phone: false },
  ];
  protected readonly rowKey = (item: AdvisorServiceDto) => item.number;
  /** Before the list: the list fills it from the URL as soon as it is made. */
  protected readonly filters = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    type: new FormControl<AdvisorServiceType[]>([], { nonNullable: true }),
    villageId: new FormControl<string | null>(null),
    range: new FormControl<Date[]>([], { nonNullable: true }),
    clientField: new FormControl<string>('clientName', { nonNullable: true }),
    client: new FormControl('', { nonNullable: true }),
  });
  protected readonly list = new LedgerList<AdvisorServiceTypes, AdvisorServiceQuery>(
    inject(AdvisorServicesApi),
    ADVISOR_SERVICE_FILTERS,
    (query, key) => this.tagValue(query, key),
    (query) => this.fillForm(query),
  );
  protected readonly types = ADVISOR_SERVICE_TYPES;
  protected readonly clientFields = CLIENT_SEARCH_FIELDS;
  protected readonly orgTree = signal<OrgTreeNode[]>([]);
  protected readonly names = computed(() => new OrgNames(this.orgTree()));
  protected readonly moreOpen = signal(false);

  constructor() {
    inject(OrgApi)
      .tree()
      .subscribe((tree) => this.orgTree.set(tree));
  }

  protected search(): void {
    const value = this.filters.getRawValue();
    const [start, end] = value.range;
    this.list.go({
      ...this.list.filters(),
      q: value.q.trim() || null,
      type: value.type,
      villageId: value.villageId,
      from: toPlainDate(start),
      to: toPlainDate(end),
      ...personQuery(CLIENT_SEARCH_FIELDS, value.clientField, value.client),
    });
  }

  private fillForm(query: AdvisorServiceQuery): void {
    const client = personSearchOf(query, CLIENT_SEARCH_FIELDS);
    if (query.villageId || query.from || client.value) this.moreOpen.set(true);
    const from = fromPlainDate(query.from);
    const to = fromPlainDate(query.to);
    this.filters.setValue({ q: query.q ?? '', type: query.type, villageId: query.villageId, range: from && to ? [from, to] : [], clientField: client.field, client: client.value });
  }

  private tagValue(query: AdvisorServiceQuery, key: keyof AdvisorServiceQuery): string | null {
    switch (key) {
      case 'type':
        return query.type.map(this.typeName).join('、');
      case 'townId':
      case 'villageId':
        return this.names().name(query[key]);
      case 'handedOver':
      case 'voided':
        return this.t(query[key] === 'true' ? 'common.yes' : 'common.no');
      default:
        return null;
    }
  }
}
