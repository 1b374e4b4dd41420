// Choose the enforcement matter while writing: searchable, with its basis and penalty range
// shown under the field.
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { MatterSummary } from '../../shared/catalog/catalog-schema.ts';
import { useApi } from '../app/api-context.tsx';

export function MatterPicker({ value, onChange }: { value?: string; onChange?: (id: string) => void }) {
  const { run } = useApi();
  const [items, setItems] = useState<MatterSummary[]>([]);
  useEffect(() => {
    void run('catalog.search', {}).then((r) => r.ok && setItems(r.value.items));
  }, [run]);
  const chosen = items.find((m) => m.id === value);
  return (
    <>
      <Select
        data-testid="case-matter"
        showSearch={{
          filterOption: (input, option) => {
            const m = items.find((x) => x.id === option?.value);
            return !!m && [m.name, ...m.aliases, m.basisShort].some((t) => t.includes(input.trim()));
          },
        }}
        placeholder="输入关键词搜索，如：网络安全保护义务、实名、第六十一条"
        value={value}
        onChange={onChange}
        options={items.map((m) => ({ value: m.id, label: `${m.name}（${m.type}）` }))}
        popupMatchSelectWidth
      />
      {chosen && (
        <div className="field-hint">
          依据：{chosen.basisShort}
          <br />
          处罚幅度：{chosen.penaltyShort}
        </div>
      )}
    </>
  );
}
