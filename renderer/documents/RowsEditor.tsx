// An editable table of rows (people present, measures, steps, the 电子数据清单, the item list):
// one input per cell, bound to `path.i.key`; add and delete rows.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useEditor } from './editor-context.tsx';
import { ChoiceInput, TextInput, TimeInput } from './fields.tsx';
import { fieldId, getPath, newRowId, setPath } from './paths.ts';

export interface Column {
  key: string;
  label: string;
  width?: number | string;
  kind?: 'text' | 'choice' | 'time';
  options?: readonly string[];
  render?: (path: string) => ReactNode;
  /** Shown as plain text (not editable) on rows where this holds, e.g. digests of imported files. */
  lockedIf?: (row: Record<string, unknown>) => boolean;
}

export function RowsEditor({
  path,
  columns,
  blank,
  addLabel,
  testId,
  minWidth,
}: {
  path: string;
  columns: Column[];
  blank: Record<string, unknown>;
  addLabel: string;
  testId?: string;
  minWidth?: number;
}) {
  const { content, update, readOnly } = useEditor();
  const rows = (getPath(content, path) as Record<string, unknown>[] | undefined) ?? [];
  const cell = (c: Column, p: string, row: Record<string, unknown>) => {
    if (c.render) return c.render(p);
    if (c.lockedIf?.(row)) {
      return (
        <div
          id={fieldId(p)}
          title="由导入时计算，不能修改"
          style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all', padding: '5px 4px', color: '#333' }}
        >
          {String(row[c.key] ?? '')}
        </div>
      );
    }
    if (c.kind === 'choice') return <ChoiceInput path={p} options={c.options ?? []} />;
    if (c.kind === 'time') return <TimeInput path={p} />;
    return <TextInput path={p} />;
  };
  return (
    <div id={fieldId(path)} data-testid={testId} style={{ overflowX: 'auto' }}>
      <table style={{ width: '100%', minWidth, borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th style={{ width: 36, textAlign: 'left', fontWeight: 500, color: '#555' }}>序号</th>
            {columns.map((c) => (
              <th
                key={c.key}
                style={{ width: c.width, textAlign: 'left', fontWeight: 500, color: '#555', padding: '4px' }}
              >
                {c.label}
              </th>
            ))}
            <th style={{ width: 40 }} />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={String(r.id ?? i)} data-testid={testId ? `${testId}-row` : undefined}>
              <td>{i + 1}</td>
              {columns.map((c) => (
                <td key={c.key} style={{ padding: 4, verticalAlign: 'top' }}>
                  {cell(c, `${path}.${i}.${c.key}`, r)}
                </td>
              ))}
              <td style={{ verticalAlign: 'top', paddingTop: 4 }}>
                {!readOnly && (
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() =>
                      update(
                        (ct) =>
                          setPath(
                            ct,
                            path,
                            rows.filter((_, j) => j !== i),
                          ),
                        `${path}.remove`,
                      )
                    }
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && (
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          style={{ marginTop: 6 }}
          data-testid={testId ? `${testId}-add` : undefined}
          onClick={() => update((ct) => setPath(ct, path, [...rows, { ...blank, id: newRowId() }]), `${path}.add`)}
        >
          {addLabel}
        </Button>
      )}
    </div>
  );
}
