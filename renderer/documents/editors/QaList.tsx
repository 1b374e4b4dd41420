// The 问/答 body, keyboard first: Enter in a question moves to its answer; Enter in an answer
// moves to the next question (adding one at the end); Shift+Enter is a line break; Alt+↑/Alt+↓
// move the pair being typed in. Rows can be inserted, moved and deleted. Rows are memoised so a 300-pair transcript types without lag.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select } from 'antd';
import { memo, useCallback, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useEditor } from '../editor-context.tsx';
import { fieldId, newRowId, type Content } from '../paths.ts';

interface Pair {
  id: string;
  q: string;
  a: string;
}

// Focus moves synchronously: the next keystroke of a fast typist must land in the new field,
// not in the one just left (a deferred focus put the first character of the next question
// at the end of the previous answer).
const focus = (path: string) => document.getElementById(fieldId(path))?.focus();

export function QaList() {
  const { content, update, doc, flagged, readOnly, label, template } = useEditor();
  const qa = (content.qa as Pair[] | undefined) ?? [];
  const bank = template.questionBank;
  const suggestions = [...(bank?.byMatter[doc.context.matterId] ?? []), ...(bank?.common ?? [])];

  const edit = useCallback(
    (fn: (rows: Pair[]) => Pair[], path: string) =>
      update((c: Content) => ({ ...c, qa: fn((c.qa as Pair[]) ?? []) }), path),
    [update],
  );
  const setText = useCallback(
    (i: number, key: 'q' | 'a', v: string) =>
      edit((rows) => rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)), `qa.${i}.${key}`),
    [edit],
  );
  const insert = useCallback(
    (at: number, q = '') => {
      flushSync(() =>
        edit((rows) => [...rows.slice(0, at), { id: newRowId(), q, a: '' }, ...rows.slice(at)], `qa.insert`),
      );
      focus(q ? `qa.${at}.a` : `qa.${at}.q`);
    },
    [edit],
  );
  const remove = useCallback((i: number) => edit((rows) => rows.filter((_, j) => j !== i), 'qa.remove'), [edit]);
  const move = useCallback(
    (i: number, d: -1 | 1) =>
      edit((rows) => {
        const j = i + d;
        if (j < 0 || j >= rows.length) return rows;
        const next = [...rows];
        [next[i], next[j]] = [next[j]!, next[i]!];
        return next;
      }, 'qa.move'),
    [edit],
  );
  const onKey = useCallback(
    (i: number, key: 'q' | 'a', e: KeyboardEvent) => {
      if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        const d = e.key === 'ArrowUp' ? -1 : 1;
        if (i + d < 0 || i + d >= qa.length) return;
        e.preventDefault();
        // The field's id follows its position: render the move now, then keep the caret in the moved pair.
        flushSync(() => move(i, d));
        focus(`qa.${i + d}.${key}`);
        return;
      }
      if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
      e.preventDefault();
      if (key === 'q') focus(`qa.${i}.a`);
      else if (i + 1 < qa.length) focus(`qa.${i + 1}.q`);
      else insert(qa.length);
    },
    [qa.length, insert, move],
  );

  return (
    <Card
      size="small"
      title={`${label('section.qa')}（${qa.length} 问）`}
      className="doc-section"
      extra={
        !readOnly && (
          <Select
            style={{ width: 420 }}
            placeholder="插入常用问题…"
            value={null}
            onChange={(q: string) => insert(qa.length, q)}
            options={suggestions.map((q) => ({ value: q, label: q }))}
            data-testid="qa-suggest"
          />
        )
      }
    >
      <div className="field-hint" style={{ marginBottom: 8 }}>
        在「问」中按 Enter 进入「答」，在「答」中按 Enter 进入下一问（末尾自动新增）；Shift+Enter 换行；Alt+↑ / Alt+↓
        上移或下移当前一问。
      </div>
      {qa.map((p, i) => (
        <QaRow
          key={p.id}
          i={i}
          pair={p}
          last={i === qa.length - 1}
          flaggedQ={flagged.has(`qa.${i}.q`)}
          flaggedA={flagged.has(`qa.${i}.a`)}
          readOnly={readOnly}
          setText={setText}
          onKey={onKey}
          insert={insert}
          remove={remove}
          move={move}
        />
      ))}
      {!readOnly && (
        <Button
          id={fieldId('qa')}
          icon={<PlusOutlined />}
          onClick={() => insert(qa.length)}
          data-testid="qa-add"
          block
          type="dashed"
        >
          添加一问
        </Button>
      )}
    </Card>
  );
}

interface RowProps {
  i: number;
  pair: Pair;
  last: boolean;
  flaggedQ: boolean;
  flaggedA: boolean;
  readOnly: boolean;
  setText: (i: number, key: 'q' | 'a', v: string) => void;
  onKey: (i: number, key: 'q' | 'a', e: KeyboardEvent) => void;
  insert: (at: number) => void;
  remove: (i: number) => void;
  move: (i: number, d: -1 | 1) => void;
}

// Plain textareas that grow with their text (CSS field-sizing) and plain buttons: a 300-pair
// transcript has 600 fields, and antd's measured auto-size and tooltips made opening it take
// seconds (bench: inquiry-open-300).
const QaRow = memo(function QaRow({
  i,
  pair,
  last,
  flaggedQ,
  flaggedA,
  readOnly,
  setText,
  onKey,
  insert,
  remove,
  move,
}: RowProps) {
  const cls = (flagged: boolean) => `qa-text${flagged ? ' qa-flagged' : ''}`;
  return (
    <div className="qa-row" data-testid="qa-row">
      <div className="qa-label">{i + 1}.</div>
      <div>
        <div style={{ display: 'flex', gap: 6, marginBottom: 6 }}>
          <span className="qa-label">问：</span>
          <textarea
            id={fieldId(`qa.${i}.q`)}
            data-testid="qa-q"
            className={cls(flaggedQ)}
            rows={1}
            value={pair.q}
            disabled={readOnly}
            onChange={(e) => setText(i, 'q', e.target.value)}
            onKeyDown={(e) => onKey(i, 'q', e)}
          />
        </div>
        <div style={{ display: 'flex', gap: 6 }}>
          <span className="qa-label">答：</span>
          <textarea
            id={fieldId(`qa.${i}.a`)}
            data-testid="qa-a"
            className={cls(flaggedA)}
            rows={1}
            value={pair.a}
            disabled={readOnly}
            onChange={(e) => setText(i, 'a', e.target.value)}
            onKeyDown={(e) => onKey(i, 'a', e)}
          />
        </div>
      </div>
      {!readOnly && (
        <div className="qa-tools">
          <button type="button" title="在此问之前插入" data-testid="qa-insert" onClick={() => insert(i)}>
            <PlusOutlined />
          </button>
          <button
            type="button"
            title="上移（Alt+↑）"
            data-testid="qa-up"
            disabled={i === 0}
            onClick={() => move(i, -1)}
          >
            <ArrowUpOutlined />
          </button>
          <button type="button" title="下移（Alt+↓）" data-testid="qa-down" disabled={last} onClick={() => move(i, 1)}>
            <ArrowDownOutlined />
          </button>
          <button type="button" title="删除此问" data-testid="qa-delete" className="danger" onClick={() => remove(i)}>
            <DeleteOutlined />
          </button>
        </div>
      )}
    </div>
  );
});
