// The law that applies to a case (docs/LAW.md): its matter's versions resolved against its conduct
// date, and the officers' choice where 行政处罚法 第三十七条 leaves one — recorded append-only
// (case_law_choices, migration 011) with its timeline event, in one transaction. A choice counts
// only while it fits the case: made for its present matter and conduct dates, and still one of the
// versions that conduct concerns.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Matter, MatterSummary } from '../../shared/catalog/catalog-schema.ts';
import {
  choiceError,
  LAW_GROUND_LABELS,
  lawForConduct,
  periodKey,
  periodLabel,
  type LawGround,
} from '../../shared/catalog/law-in-force.ts';
import type { CaseLaw, Conduct } from '../../shared/domain/case-law.ts';
import { conductLabel } from '../../shared/domain/case-law.ts';
import { formatMinuteChinese, toLocalDate } from '../../shared/documents/local-time.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import type { Clock } from '../clock.ts';
import { isoNow } from '../clock.ts';
import type { OfficerStore } from '../officers/officer-store.ts';

interface ChoiceRow {
  matter_id: string;
  conduct_json: string;
  period: string;
  ground: LawGround;
  note: string;
  recorded_at: string;
  officer_ids: string;
}

/** Records a choice on its case: the timeline event, and the case marked changed (case-store.ts writes both). */
type AddEvent = (caseId: string, kind: string, text: string, officerIds: string[], at: string) => void;

const sameDates = (a: Conduct, b: Conduct) => a.from === b.from && a.to === b.to;

export class CaseLawStore {
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly catalog: CatalogService;
  private readonly officers: OfficerStore;
  private readonly addEvent: AddEvent;
  constructor(db: Database, clock: Clock, catalog: CatalogService, officers: OfficerStore, addEvent: AddEvent) {
    this.db = db;
    this.clock = clock;
    this.catalog = catalog;
    this.officers = officers;
    this.addEvent = addEvent;
  }

  private today(): string {
    return toLocalDate(this.clock.now());
  }

  /** The conduct's dates may not lie after today (Beijing date of the core's clock): only what happened is recorded. */
  checkConduct(c: Conduct): void {
    const today = this.today();
    const late = (
      [
        ['from', c.from, '违法行为发生日期'],
        ['to', c.to, '违法行为终了日期'],
        ['discoveredOn', c.discoveredOn, '发现日期'],
      ] as const
    ).find(([, d]) => d !== null && d > today);
    if (late)
      throw new CoreError('validation', `${late[2]}不能晚于今天（${formatMinuteChinese(today)}）。`, {
        [`conduct.${late[0]}`]: `${late[2]}不能晚于今天。`,
      });
  }

  private latestChoice(caseId: string): ChoiceRow | undefined {
    return this.db
      .prepare(
        `SELECT matter_id, conduct_json, period, ground, note, recorded_at, officer_ids FROM case_law_choices WHERE case_id = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(caseId) as ChoiceRow | undefined;
  }

  /** The case's law: its matter's versions for its conduct, the choice recorded, the version that applies. */
  forCase(caseId: string, matterId: string, conduct: Conduct | null): CaseLaw {
    const periods = this.catalog.periods(matterId);
    const today = this.today();
    const row = this.latestChoice(caseId);
    const names = row ? new Map(this.officers.list().map((o) => [o.id, o.name])) : new Map<string, string>();
    const choiceOf = (valid: boolean) =>
      row
        ? {
            period: row.period,
            ground: row.ground,
            note: row.note,
            recordedAt: row.recorded_at,
            officers: (JSON.parse(row.officer_ids) as string[]).map((id) => names.get(id) ?? id),
            valid,
          }
        : null;
    if (!conduct) {
      const now = lawForConduct(periods, { from: today, to: today }, today);
      return {
        conduct: null,
        situation: 'no-conduct',
        candidates: periods,
        conductPeriods: [],
        currentPeriod: now.currentPeriod,
        suggested: null,
        choice: choiceOf(false),
        applies: null,
      };
    }
    const law = lawForConduct(periods, conduct, today);
    const valid =
      row !== undefined &&
      row.matter_id === matterId &&
      sameDates(JSON.parse(row.conduct_json) as Conduct, conduct) &&
      choiceError(law, { period: row.period, ground: row.ground, note: row.note }) === null;
    return {
      conduct,
      situation: law.situation,
      candidates: law.candidates,
      conductPeriods: law.conductPeriods,
      currentPeriod: law.currentPeriod,
      suggested: law.suggested,
      choice: choiceOf(valid),
      applies: law.applies ?? (valid ? row.period : null),
    };
  }

  /** The matter as the case page and lists show it: the version that applies first, else the conduct's. */
  matterSummary(matter: Matter, law: CaseLaw): MatterSummary {
    const s = this.catalog.summary(matter, { conduct: law.conduct ?? undefined, today: this.today() });
    const applies = law.applies === null ? undefined : law.candidates.find((p) => periodKey(p) === law.applies);
    return applies ? { ...s, basisShort: applies.basisShort, penaltyShort: applies.penaltyShort } : s;
  }

  /** What an edit of the case did to its law, for the timeline (「；…」 or ''). */
  changeNote(
    old: { conduct_json: string | null },
    before: CaseLaw,
    after: CaseLaw,
    data: { conduct: Conduct },
  ): string {
    const parts: string[] = [];
    const was = old.conduct_json === null ? null : (JSON.parse(old.conduct_json) as Conduct);
    if (!was || !sameDates(was, data.conduct) || was.discoveredOn !== data.conduct.discoveredOn)
      parts.push(`违法行为时间由「${was ? conductLabel(was) : '未记录'}」改为「${conductLabel(data.conduct)}」`);
    if (before.choice?.valid && !after.choice?.valid)
      parts.push('此前选择的适用法律版本与现在的执法事项或违法行为时间不再对应，须重新选择');
    return parts.map((p) => `；${p}`).join('');
  }

  /**
   * Records the version the officers apply where the conduct concerns more than one (第三十七条):
   * a new row — a later one supersedes it, it stays as history — the case's updated_at and its
   * timeline event, in one transaction.
   */
  choose(
    caseId: string,
    row: { matter_id: string; conduct_json: string | null },
    c: { period: string; ground: LawGround; note: string },
    actorIds: string[],
  ): void {
    if (row.conduct_json === null)
      throw new CoreError(
        'validation',
        '本案尚未记录违法行为发生时间：请先编辑案件，填写违法行为时间，再选择适用的法律版本。',
      );
    const conduct = JSON.parse(row.conduct_json) as Conduct;
    const law = lawForConduct(this.catalog.periods(row.matter_id), conduct, this.today());
    const err = choiceError(law, c);
    if (err) throw new CoreError('validation', err, { period: err });
    const chosen = law.candidates.find((p) => periodKey(p) === c.period)!;
    const now = isoNow(this.clock);
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO case_law_choices (case_id, matter_id, conduct_json, period, ground, note, basis, catalog_version, recorded_at, officer_ids)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          caseId,
          row.matter_id,
          row.conduct_json,
          c.period,
          c.ground,
          c.note,
          chosen.basisShort,
          this.catalog.version,
          now,
          JSON.stringify(actorIds),
        );
      this.addEvent(
        caseId,
        'law',
        `确定适用的法律版本：${periodLabel(chosen)}的${chosen.basisShort}（违法行为时间${conductLabel(conduct)}）。理由：${LAW_GROUND_LABELS[c.ground]}${c.note ? `；说明：${c.note}` : ''}`,
        actorIds,
        now,
      );
    })();
  }
}
