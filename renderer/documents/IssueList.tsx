// The completeness list: what the law still requires before signing. Clicking an item jumps to
// the field.
import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, List, Typography } from 'antd';
import type { CompletenessIssue } from '../../shared/documents/completeness.ts';
import { fieldId } from './paths.ts';

export function focusField(path: string): void {
  // The nearest field for a path like 'qa.3.a' or 'items' (a whole table) is the longest prefix with an element.
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(fieldId(parts.slice(0, n).join('.')));
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      (el.matches('input, textarea')
        ? el
        : el.querySelector<HTMLElement>('input, textarea, .ant-select-selector')
      )?.focus();
      return;
    }
  }
}

export function IssueList({ issues }: { issues: CompletenessIssue[] }) {
  if (issues.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        title="必填内容已齐全，可以提交签名。"
        data-testid="doc-issues-none"
      />
    );
  }
  return (
    <div data-testid="doc-issues">
      <Typography.Text strong>
        <ExclamationCircleOutlined style={{ color: '#d46b08' }} /> 还有 {issues.length} 处须完成后才能提交签名：
      </Typography.Text>
      <List
        size="small"
        dataSource={issues}
        renderItem={(i) => (
          <List.Item
            style={{ cursor: 'pointer', padding: '4px 0' }}
            onClick={() => focusField(i.path)}
            data-testid="doc-issue"
          >
            <Typography.Link>{i.message}</Typography.Link>
          </List.Item>
        )}
      />
    </div>
  );
}
