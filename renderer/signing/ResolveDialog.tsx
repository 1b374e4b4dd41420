// A slot that will not be signed (art. 30): refused, absent or unable — the reason, confirmed by
// both officers with their passwords, backed by the witness's signature or the ceremony's recording.
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import type { RequiredSlot, SignatureRecord } from '../../shared/signatures/signature-api.ts';
import type { OfficerPublic } from '../../shared/domain/officer.ts';
import { AUTHORITY_OPTIONS } from './SignDialog.tsx';

export interface ResolveValues {
  status: 'refused' | 'absent' | 'unable';
  reason: string;
  signerName: string;
  /** For an organisation's slot: the person's position there and authority ('' when none or not known). */
  signerRole: string;
  authority: '' | '法定代表人' | '负责人' | '受委托人';
  witnessSignatureId: string;
  officerPasswords: [string, string];
}

export function ResolveDialog({
  slot,
  organisation,
  officers,
  witnesses,
  recorded,
  onResolve,
  onClose,
}: {
  slot: RequiredSlot;
  /** The case's party when it is an organisation and this slot is the party's: who refuses for it. */
  organisation: string | null;
  officers: OfficerPublic[];
  witnesses: SignatureRecord[];
  recorded: boolean;
  onResolve: (v: ResolveValues) => Promise<string | null>;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = form.getFieldsValue(true) as {
      status: ResolveValues['status'];
      reason?: string;
      signerName?: string;
      signerRole?: string;
      authority?: ResolveValues['authority'];
      witnessSignatureId?: string;
      pw0?: string;
      pw1?: string;
    };
    setBusy(true);
    setError(null);
    const err = await onResolve({
      status: v.status,
      reason: (v.reason ?? '').trim(),
      signerName: v.signerName ?? '',
      signerRole: organisation ? (v.signerRole ?? '').trim() : '',
      authority: organisation ? (v.authority ?? '') : '',
      witnessSignatureId: v.witnessSignatureId ?? '',
      officerPasswords: [v.pw0 ?? '', v.pw1 ?? ''],
    });
    setBusy(false);
    if (err) setError(err);
    else onClose();
  };
  return (
    <Modal
      open
      title={`不能签名：${slot.label}`}
      width={600}
      okText="两人确认并记录"
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'resolve-confirm' } as never}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          status: 'refused',
          signerName: organisation && slot.signerName === organisation ? '' : slot.signerName,
          signerRole: '',
          authority: '',
          witnessSignatureId: witnesses[0]?.id,
        }}
      >
        <Form.Item name="status" label="情形">
          <Radio.Group
            options={[
              { value: 'refused', label: '拒绝签名' },
              { value: 'absent', label: '不在场' },
              { value: 'unable', label: '无法签名' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="signerName"
          label={organisation ? `${organisation}的人员姓名（本人）` : `${slot.role}姓名`}
          extra={organisation ? '当事人是单位：写明是谁、以什么职务和身份拒签；不写姓名则记为单位拒签。' : undefined}
        >
          <Input maxLength={40} data-testid="resolve-name" />
        </Form.Item>
        {organisation && (
          <>
            <Form.Item name="signerRole" label="职务">
              <Input maxLength={40} placeholder="如：总经理、业务主管" data-testid="resolve-role" />
            </Form.Item>
            <Form.Item name="authority" label="身份">
              <Radio.Group
                data-testid="resolve-authority"
                options={[...AUTHORITY_OPTIONS, { value: '', label: '其他人员' }]}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label="原因（记入笔录）">
          <Input.TextArea
            rows={2}
            maxLength={500}
            data-testid="resolve-reason"
            placeholder="例如：当事人以不认可检查结果为由拒绝签名"
          />
        </Form.Item>
        <Form.Item
          name="witnessSignatureId"
          label="见证人"
          extra={
            witnesses.length
              ? '拒签须有见证人在场签名。'
              : recorded
                ? '无见证人：以本次同步录像为据，结束签名并保存录像后生效；录像未能保存的，本记录作废。'
                : '无见证人，且本次没有录像：请先关闭本窗口，点「见证人签名」，请在场的见证人签名后再记录。'
          }
        >
          <Select
            allowClear
            options={witnesses.map((w) => ({ value: w.id, label: `${w.signerName}（${w.signerIdNumber}）` }))}
            data-testid="resolve-witness"
          />
        </Form.Item>
        {officers.map((o, i) => (
          <Form.Item key={o.id} name={`pw${i}`} label={`${o.name}（执法证号 ${o.certNo}）确认密码`}>
            <Input.Password autoComplete="off" data-testid={`resolve-pw-${i}`} />
          </Form.Item>
        ))}
      </Form>
      {error && <Alert type="error" showIcon title={<span data-testid="resolve-error">{error}</span>} />}
    </Modal>
  );
}
