import { Injectable } from '@nestjs/common';
import { AGREEMENT_PLACEHOLDERS, DISPUTE_AGREEMENT_STATUSES, DISPUTE_PARTY_ROLE_LABELS } from '@fazhi/contracts';
import type { AgreementPlaceholderKey, DisputePartyDto, DisputeStatus } from '@fazhi/contracts';
import { Principal } from '../access/principal';
import { AppException, forbidden } from '../common/app-exception';
import { buildDocx, DocBlock } from '../ledger-core/documents/docx-builder';
import { DocumentTemplates, TemplateKind } from '../ledger-core/documents/document-templates.service';
import { RecordAttachments } from '../ledger-core/record-attachments';
import { recordVoid } from '../ledger-core/records';
import { PARTIES } from './dispute.parts';
import { LEDGER } from './dispute.repository';
import { DisputeService } from './dispute.service';

const ph = (key: AgreementPlaceholderKey) => `{{${AGREEMENT_PLACEHOLDERS.find((p) => p.key === key)!.placeholder}}}`;

/** The built-in 人民调解协议书: the matters of Art 29 and the closing words of Arts 29 and 31. */
const OUTLINE: DocBlock[] = [
  { text: `编号:${ph('number')}`, align: 'right' },
  { text: '当事人基本情况', heading: true },
  { text: ph('parties') },
  { text: '纠纷主要事实', heading: true },
  { text: ph('facts'), indent: true },
  { text: '争议事项', heading: true },
  { text: ph('issues'), indent: true },
  { text: '各方当事人的责任', heading: true },
  { text: ph('responsibilities'), indent: true },
  { text: '经人民调解委员会调解,各方当事人自愿达成如下协议:', heading: true },
  { text: ph('terms'), indent: true },
  { text: `履行方式:${ph('performanceManner')}`, spaceBefore: 6 },
  { text: `履行期限:${ph('performanceDeadline')}前履行完毕。` },
  {
    text: '本协议书自各方当事人签名、盖章或者按指印,人民调解员签名并加盖人民调解委员会印章之日起生效,具有法律约束力,当事人应当按照约定履行。本协议书一式三份,当事人各执一份,人民调解委员会留存一份。双方当事人认为有必要的,可以自本协议生效之日起三十日内共同向人民法院申请司法确认。',
    indent: true,
    spaceBefore: 12,
  },
  { text: '当事人(签名、盖章或按指印):', spaceBefore: 24 },
  { text: `人民调解员(签名):${ph('mediators')}`, spaceBefore: 24 },
  { text: `${ph('committee')}(印章)`, align: 'right', spaceBefore: 24 },
  { text: ph('agreedOn'), align: 'right' },
];

export const AGREEMENT_TEMPLATE: TemplateKind = {
  kind: 'dispute-agreement',
  fileName: '人民调解协议书模板.docx',
  required: AGREEMENT_PLACEHOLDERS.filter((p) => p.required).map((p) => p.placeholder),
  build: () => buildDocx({ title: '人民调解协议书', blocks: OUTLINE, description: '人民调解协议书（《人民调解法》第二十九条）' }),
};

/** `2021年7月15日`. */
export function chineseDate(date: string | null): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The mediation agreement as a Word file, from the town's template (Art 29), kept as the dispute's document. */
@Injectable()
export class DisputeAgreementService {
  constructor(
    private readonly disputes: DisputeService,
    private readonly templates: DocumentTemplates,
    private readonly attachments: RecordAttachments,
  ) {}

  /** Fills the written agreement, attaches it to the dispute (stage `document`) and audits the generation. */
  async render(principal: Principal, id: string): Promise<{ fileName: string; content: Buffer }> {
    const row = await this.disputes.visible(principal, id);
    if (!principal.permissions.has('personal.unmask')) {
      throw forbidden({ zh: '协议书载有当事人完整身份信息，需要“查看完整个人信息”权限', en: 'The agreement holds the parties’ full personal data: personal.unmask is needed' });
    }
    if (row.voidedAt) throw recordVoid();
    const status = row.status as DisputeStatus;
    const agreed = DISPUTE_AGREEMENT_STATUSES.includes(status) || (status === 'archived' && row.agreedOn !== null);
    if (!agreed || row.agreementForm !== 'written') {
      throw new AppException(409, 'NO_WRITTEN_AGREEMENT', { zh: '该纠纷没有书面调解协议', en: 'The dispute has no written agreement' });
    }
    const parties = (await this.disputes.partAnswers<DisputePartyDto>(PARTIES, [row], { unmasked: true })).get(id)!;
    const lines = parties.map((d) => {
      return [`${DISPUTE_PARTY_ROLE_LABELS[d.role]}:${d.name}`, d.idNumber && `身份证号码:${d.idNumber}`, d.phone && `联系电话:${d.phone}`, d.address && `住址:${d.address}`].filter(Boolean).join(',');
    });
    const values: Record<AgreementPlaceholderKey, string> = {
      number: row.number,
      committee: `${row.townName}人民调解委员会`,
      parties: lines.join('\n'),
      facts: row.facts ?? row.summary,
      issues: row.issues ?? '',
      responsibilities: row.responsibilities ?? '',
      terms: row.terms ?? '',
      performanceManner: row.performanceManner ?? '',
      performanceDeadline: chineseDate(row.performanceDeadline),
      mediators: row.mediatorNames.join('、'),
      agreedOn: chineseDate(row.agreedOn),
      village: row.villageName ?? '',
    };
    const byPlaceholder = Object.fromEntries(AGREEMENT_PLACEHOLDERS.map((p) => [p.placeholder, values[p.key]]));
    const { content, source } = await this.templates.render(row.townId, AGREEMENT_TEMPLATE, byPlaceholder);
    const fileName = `${row.number}人民调解协议书.docx`;
    await this.attachments.attachGenerated(
      {
        ledger: LEDGER,
        recordId: id,
        userId: principal.user.id,
        lock: async (em) => {
          const locked = await this.disputes.visible(principal, id, em, true);
          if (locked.voidedAt) throw recordVoid();
          return { townId: locked.townId, version: locked.version };
        },
      },
      { fileName, content, stage: 'document', action: 'dispute.agreement.generate', detail: { template: source }, personal: true },
    );
    return { fileName, content };
  }
}
