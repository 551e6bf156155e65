import { Injectable } from '@nestjs/common';
import { ErrorCode, formatRecordNumber, LEDGER_NUMBER_LABELS, LedgerType, parseRecordNumber, yearInZone } from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { AppException } from '../../common/app-exception';
import { OrgTreeService } from '../../org/org-tree.service';

export interface RecordNumber {
  number: string;
  year: number;
  seq: number;
}

/**
 * Record numbers per ledger, town and registration year (in the town's zone). The counter row is
 * updated inside the creating transaction, so concurrent creates queue on its lock and a rolled
 * back create gives its number back: numbers are gap-free.
 */
@Injectable()
export class NumberingService {
  constructor(private readonly tree: OrgTreeService) {}

  async next(em: EntityManager, ledger: LedgerType, townId: string, registeredAt: Date, fallbackLabel?: string): Promise<RecordNumber> {
    const { prefix, label, timeZone } = await this.parts(em, ledger, townId, fallbackLabel);
    const year = yearInZone(registeredAt, timeZone);
    const [row] = await em.query<{ last_seq: string | number }[]>(
      `INSERT INTO record_counter (town_id, ledger, year, last_seq) VALUES ($1, $2, $3, 1)
       ON CONFLICT (town_id, ledger, year) DO UPDATE SET last_seq = record_counter.last_seq + 1
       RETURNING last_seq`,
      [townId, ledger, year],
    );
    const seq = Number(row.last_seq);
    return { number: formatRecordNumber(prefix, label, year, seq), year, seq };
  }

  /** Reserves `count` consecutive numbers at once (bulk imports), under the same lock as `next`. */
  async nextMany(em: EntityManager, ledger: LedgerType, townId: string, registeredAt: Date, count: number): Promise<RecordNumber[]> {
    if (count === 0) return [];
    const { prefix, label, timeZone } = await this.parts(em, ledger, townId);
    const year = yearInZone(registeredAt, timeZone);
    const [row] = await em.query<{ last_seq: string | number }[]>(
      `INSERT INTO record_counter (town_id, ledger, year, last_seq) VALUES ($1, $2, $3, $4)
       ON CONFLICT (town_id, ledger, year) DO UPDATE SET last_seq = record_counter.last_seq + $4
       RETURNING last_seq`,
      [townId, ledger, year, count],
    );
    const first = Number(row.last_seq) - count + 1;
    return Array.from({ length: count }, (_, i) => ({ number: formatRecordNumber(prefix, label, year, first + i), year, seq: first + i }));
  }

  /** Keeps an imported number and moves the counter past it. */
  async claim(em: EntityManager, ledger: LedgerType, townId: string, number: string): Promise<RecordNumber> {
    const parsed = parseRecordNumber(number);
    if (!parsed) {
      throw new AppException(400, ErrorCode.VALIDATION_FAILED, { zh: '编号格式不正确', en: 'Invalid record number' }, [
        { path: 'number', code: 'format', message: { zh: '编号格式应如 广海三无〔2021〕第0001号', en: 'Numbers look like 广海三无〔2021〕第0001号' } },
      ]);
    }
    await em.query(
      `INSERT INTO record_counter (town_id, ledger, year, last_seq) VALUES ($1, $2, $3, $4)
       ON CONFLICT (town_id, ledger, year) DO UPDATE SET last_seq = GREATEST(record_counter.last_seq, EXCLUDED.last_seq)`,
      [townId, ledger, parsed.year, parsed.seq],
    );
    return { number: number.trim(), year: parsed.year, seq: parsed.seq };
  }

  private async parts(em: EntityManager, ledger: LedgerType, townId: string, fallbackLabel?: string): Promise<{ prefix: string; label: string; timeZone: string }> {
    const town = (await this.tree.byId()).get(townId);
    if (!town || town.level !== 'town') throw new Error(`numbering: ${townId} is not a town`);
    const [type] = await em.query<{ number_label: string | null }[]>(`SELECT number_label FROM ledger_type WHERE code = $1`, [ledger]);
    return { prefix: town.numberPrefix ?? town.name, label: type?.number_label ?? fallbackLabel ?? LEDGER_NUMBER_LABELS[ledger], timeZone: town.timeZone };
  }
}
