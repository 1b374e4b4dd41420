// Choose the enforcement matter while writing: searched in the core's catalog (names, aliases,
// laws, article numbers and article text), with the chosen matter's basis and penalty range
// shown under the field — as they read for the case's conduct dates (docs/LAW.md). Until those
// dates are given the picker waits: a legal basis is never chosen without knowing its version.
import { Select, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { MatterSummary } from '../../shared/catalog/catalog-schema.ts';
import type { ConductDates } from '../../shared/catalog/law-in-force.ts';
import { useApi } from '../app/api-context.tsx';
import { LawPeriodsHint } from './LawPeriodsHint.tsx';

interface Props {
  id?: string;
  value?: string;
  onChange?: (id: string) => void;
  /** The conduct's dates; null: not given yet (the picker waits for them). */
  conduct: ConductDates | null;
  /** The matter the case has now (editing): shown by name before any search answers. */
  current?: MatterSummary | null | undefined;
}

export function MatterPicker({ id, value, onChange, conduct, current }: Props) {
  const { run } = useApi();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<MatterSummary[]>([]);
  const [loading, setLoading] = useState(false);
  // Every matter seen so far (for these dates), so the chosen one keeps its hint when a later search omits it.
  const known = useRef(new Map<string, MatterSummary>());
  const latest = useRef(0);
  const from = conduct?.from;
  const to = conduct?.to;

  useEffect(() => {
    if (!from) return;
    const ticket = ++latest.current;
    const timer = setTimeout(
      () => {
        setLoading(true);
        void run('catalog.search', { query, limit: 500, conduct: { from, to: to ?? null } }).then((r) => {
          if (ticket !== latest.current) return; // an older search answering late
          setLoading(false);
          if (!r.ok) return;
          for (const m of r.value.items) known.current.set(m.id, m);
          setItems(r.value.items);
        });
      },
      query ? 200 : 0,
    );
    return () => clearTimeout(timer);
  }, [run, query, from, to]);
  // Other dates, other law: what was known for the old dates no longer holds.
  useEffect(() => known.current.clear(), [from, to]);

  const chosen = value ? (known.current.get(value) ?? (current?.id === value ? current : undefined)) : undefined;
  // Keep the chosen matter among the options so the field shows its name, not its id.
  const options = chosen && !items.some((m) => m.id === chosen.id) ? [chosen, ...items] : items;
  return (
    <>
      <Select
        id={id}
        data-testid="case-matter"
        disabled={!from}
        showSearch={{ filterOption: false, onSearch: setQuery, autoClearSearchValue: true }}
        loading={loading}
        placeholder={from ? '输入关键词搜索，如：网络安全保护义务、实名、第六十一条' : '请先填写上面的违法行为时间'}
        value={value}
        onChange={(v: string) => {
          setQuery('');
          onChange?.(v);
        }}
        notFoundContent={loading ? '正在搜索…' : `目录中没有与「${query}」相关的事项，请换一个关键词。`}
        options={options.map((m) => ({ value: m.id, label: m.name, matter: m }))}
        optionRender={(o) => {
          const m = (o.data as { matter: MatterSummary }).matter;
          return (
            <div style={{ padding: '2px 0' }}>
              <div style={{ whiteSpace: 'normal' }}>
                {m.name} <Tag color={m.type === '行政处罚' ? 'red' : 'blue'}>{m.type}</Tag>
              </div>
              <div className="field-hint" style={{ whiteSpace: 'normal', marginTop: 0 }}>
                {m.periods.length > 1 ? m.periods.map((p) => p.basisShort).join(' → ') : m.basisShort}
              </div>
            </div>
          );
        }}
        listHeight={360}
      />
      {chosen && from && <LawPeriodsHint periods={chosen.periods} />}
    </>
  );
}
