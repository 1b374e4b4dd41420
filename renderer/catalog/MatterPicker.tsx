// Choose the enforcement matter while writing: searched in the core's catalog (names, aliases,
// laws, article numbers and article text), with the chosen matter's basis and penalty range
// shown under the field.
import { Select, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { MatterSummary } from '../../shared/catalog/catalog-schema.ts';
import { useApi } from '../app/api-context.tsx';

interface Props {
  id?: string;
  value?: string;
  onChange?: (id: string) => void;
}

export function MatterPicker({ id, value, onChange }: Props) {
  const { run } = useApi();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<MatterSummary[]>([]);
  const [loading, setLoading] = useState(false);
  // Every matter seen so far, so the chosen one keeps its hint when a later search omits it.
  const known = useRef(new Map<string, MatterSummary>());
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(
      () => {
        setLoading(true);
        void run('catalog.search', { query, limit: 500 }).then((r) => {
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
  }, [run, query]);

  const chosen = value ? known.current.get(value) : undefined;
  // Keep the chosen matter among the options so the field shows its name, not its id.
  const options = chosen && !items.some((m) => m.id === chosen.id) ? [chosen, ...items] : items;
  return (
    <>
      <Select
        id={id}
        data-testid="case-matter"
        showSearch={{ filterOption: false, onSearch: setQuery, autoClearSearchValue: true }}
        loading={loading}
        placeholder="输入关键词搜索，如：网络安全保护义务、实名、第六十一条"
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
                {m.basisShort}
              </div>
            </div>
          );
        }}
        listHeight={360}
      />
      {chosen && (
        <div className="matter-hint">
          <div>
            <b>法律依据</b>
            {'\u3000'}
            {chosen.basisShort}
          </div>
          <div>
            <b>处罚幅度</b>
            {'\u3000'}
            {chosen.penaltyShort || '—'}
          </div>
        </div>
      )}
    </>
  );
}
